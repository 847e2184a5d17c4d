"""The resources library (search, read; admins add, edit, retire) and the crisis lines."""
from __future__ import annotations

from chalice import Blueprint

from api.routing import route
from emotecare.library import catalogue

bp = Blueprint(__name__)


@route(bp, "/resources", optional_auth=True)
def browse(call):
    return catalogue.browse(call.principal, call.query)


@route(bp, "/resources/{resource_id}", optional_auth=True)
def show(call, resource_id):
    return catalogue.show(call.principal, resource_id)


@route(bp, "/resources", methods=("POST",), roles=("admin",))
def add(call):
    return catalogue.add(call.body)


@route(bp, "/resources/{resource_id}", methods=("PUT",), roles=("admin",))
def edit(call, resource_id):
    return catalogue.edit(resource_id, call.body)


@route(bp, "/resources/{resource_id}", methods=("DELETE",), roles=("admin",))
def retire(call, resource_id):
    catalogue.retire(resource_id)


@route(bp, "/helplines", public=True)
def helplines(call):
    return catalogue.helplines(call.query)
