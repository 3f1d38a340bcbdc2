"""The single declaration of node and edge kinds (see DOMAIN: 'the model')."""

from graph.model.edges import EDGE_SPECS, EdgeKindError, make_edge
from graph.model.enums import EdgeType, NodeKind
from graph.model.ids import edge_id, node_id
from graph.model.nodes import NODE_MODELS, NodeModel
from graph.model.records import EdgeRecord, NodeRecord

__all__ = ["EDGE_SPECS", "EdgeKindError", "EdgeRecord", "EdgeType", "NODE_MODELS", "NodeKind",
           "NodeModel", "NodeRecord", "edge_id", "make_edge", "node_id"]
