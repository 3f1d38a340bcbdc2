"""The service's faces: HTTP API, web UI and command line."""
