"""The browser workbench: the page built from ``ui/`` (Vue + Vite) into ``api/static/app``, served by this app.

The page and its assets come from the service itself and ask nothing of any other host (the content policy
says so too). If the front end has not been built — a checkout without ``make install`` — ``/`` says how to
build it instead of failing.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

NOT_BUILT = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巡察知识图谱</title></head>
<body><h1>巡察知识图谱</h1><p>浏览器界面尚未构建。请在项目目录运行 <code>make install</code>（需要 Node.js 与 npm），
或 <code>cd ui &amp;&amp; npm ci &amp;&amp; npm run build</code>，然后刷新本页。
接口本身已可使用（/docs）。</p></body></html>"""


DOCS_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>巡察知识图谱 · 接口文档</title>
<link rel="stylesheet" href="/assets/swagger/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/assets/swagger/swagger-ui-bundle.js"></script><script src="/assets/swagger/swagger-init.js"></script>
</body></html>"""


def built_folder() -> Path:
    return Path(str(resources.files("api").joinpath("static/app")))


def install(app: FastAPI) -> None:
    folder = built_folder()
    assets = folder / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="assets")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_reference() -> str:
        """Swagger UI from the service's own assets (built from npm with the page), so the docs need no CDN."""
        return DOCS_PAGE

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # browsers ask for it unprompted; say "nothing here" without an error in the log
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        page = folder / "index.html"
        return page.read_text("utf-8") if page.is_file() else NOT_BUILT
