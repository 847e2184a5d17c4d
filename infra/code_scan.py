"""Walk a function's code and record its boto3 client sites and its PynamoDB operations.

- boto3: where `aws.client("svc")` is made (a `Site`), which `Settings` fields are read
  there and which modules the client is handed to; and every method name called per module.
- PynamoDB: `Model.get/query/...`, `Model.index.query`, instance `save/update/delete`
  (typed by `x = Model(...)` / `Model.get(...)` where possible), transactions, batch writes.
"""
from __future__ import annotations

import ast
import functools
from collections import defaultdict
from dataclasses import dataclass

from infra.code_modules import (imports_of, module_path, own_module, parse,
                                 roots, scopes, walk)

_CLIENT_FACTORIES = {"emotecare.aws.client", "boto3.client"}
# PynamoDB methods called on a model class (or one of its indexes).
_MODEL_CLASS_OPS = {"get": "GetItem", "batch_get": "BatchGetItem", "query": "Query",
                    "scan": "Scan", "count": "Query", "batch_write": "BatchWriteItem",
                    "exists": "DescribeTable", "describe_table": "DescribeTable"}
# PynamoDB methods called on an instance or inside a TransactWrite: the model is not named.
_INSTANCE_OPS = {"save": "PutItem", "update": "UpdateItem", "delete": "DeleteItem",
                 "refresh": "GetItem"}
_TRANSACTION_OPS = {"condition_check": "ConditionCheckItem", "get": "GetItem"}


@functools.lru_cache(maxsize=None)
def _model_names() -> frozenset[str]:
    from emotecare.db.registry import all_models

    return frozenset(m.__name__ for m in all_models())


@dataclass
class Unit:
    """A module, or one top-level function or class of it (with what that names).

    Event handlers other than `function` are skipped: they run in their own Lambdas.
    """

    module: str
    function: str | None = None


@dataclass
class Site:
    """Where a boto3 client is made: the class or function around `aws.client("svc")`.

    Its resources are the `Settings` fields read there (the bucket handed to the class that
    gets the client); its calls are those of its module and of the modules it names there
    (where the client is handed to), and of what they import.
    """

    services: set[str]
    fields: set[str]
    modules: set[str]
    all_tables: bool


class Scan:
    def __init__(self) -> None:
        self.sites: list[Site] = []
        self.module_calls: dict[str, set[str]] = defaultdict(set)  # method names, per module
        self.presigned: dict[str, set[str]] = defaultdict(set)  # generate_presigned_url targets
        self.model_actions: dict[str, set[str]] = defaultdict(set)
        self.imports: dict[str, set[str]] = defaultdict(set)  # own modules each module imports
        # Code over every model (`for model in all_models(): model.query(...)`): its operations,
        # and the instance operations of the modules that use it, apply to every table.
        self.generic_ops: dict[str, set[str]] = defaultdict(set)
        self.untyped_ops: dict[str, set[str]] = defaultdict(set)

    def unit(self, unit: Unit) -> list[Unit]:
        """Record what `unit` does; return the units it uses (a function's: those it names)."""
        nodes = [pair for root in roots(parse(unit.module), unit.function)
                 for pair in walk(root, keep=unit.function)]
        names = imports_of([n for n, _ in nodes], unit.module)
        models_here = self._models(nodes, names)
        batch_names = {item.optional_vars.id for n, _ in nodes if isinstance(n, ast.With)
                       for item in n.items if isinstance(item.optional_vars, ast.Name)
                       and isinstance(item.context_expr, ast.Call)
                       and isinstance(item.context_expr.func, ast.Attribute)
                       and item.context_expr.func.attr == "batch_write"}
        typed = self._typed_names(nodes, names)
        over_all_models = any(isinstance(n, ast.Name) and n.id == "all_models" for n, _ in nodes)
        for node, cls in nodes:
            if isinstance(node, ast.Call):
                self._call(node, unit.module, names, cls, models_here, batch_names, typed,
                           over_all_models)
        for scope in scopes(parse(unit.module), unit.function):
            self._site(scope, unit.module, names)
        self.imports[unit.module].update(m for m in map(own_module, names.values()) if m)
        used = {n.id for n, _ in nodes if isinstance(n, ast.Name)} | {
            n.value.id for n, _ in nodes if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)}
        return [target for local, qualified in names.items()
                if (unit.function is None or local in used) and (target := _unit_of(qualified))]

    def finish(self) -> "Scan":
        """Give generic code's operations to every table (after all modules are scanned)."""
        generic = {m for m, ops in self.generic_ops.items() if ops}
        everywhere = set().union(*self.generic_ops.values()) if generic else set()
        for module, ops in self.untyped_ops.items():
            if module in generic or self.imports.get(module, set()) & generic:
                everywhere |= ops
        for model in _model_names() if everywhere else ():
            self.model_actions[model] |= everywhere
        return self

    def reachable(self, modules: set[str]) -> set[str]:
        """`modules` and every own module they import, directly or not."""
        seen, frontier = set(modules), list(modules)
        while frontier:
            for imported in self.imports.get(frontier.pop(), ()):
                if imported not in seen:
                    seen.add(imported)
                    frontier.append(imported)
        return seen

    def _site(self, scope: ast.AST, module: str, names: dict[str, str]) -> None:
        services, fields, modules, all_tables = set(), set(), {module}, False
        for node in ast.walk(scope):
            if (isinstance(node, ast.Call) and self._qualified(node.func, names) in _CLIENT_FACTORIES
                    and node.args and isinstance(node.args[0], ast.Constant)):
                services.add(node.args[0].value)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
                fields.add(node.attr)
            elif isinstance(node, ast.Name):
                all_tables |= node.id == "all_models"
                target = own_module(names.get(node.id, ""))
                if target:
                    modules.add(target)
        if services:
            self.sites.append(Site(services, fields, modules, all_tables))

    def _models(self, nodes, names: dict[str, str]) -> set[str]:
        found = set()
        for node, cls in nodes:
            if isinstance(node, ast.Name) and node.id in _model_names() and (
                    names.get(node.id, "").startswith("emotecare.db.") or node.id == cls):
                found.add(node.id)
            if isinstance(node, ast.ClassDef) and node.name in _model_names():
                found.add(node.name)
        return found

    def _typed_names(self, nodes, names) -> dict[str, str]:
        """Variables bound to one model's instance: `x = Model(...)` or `x = Model.get(...)`."""
        typed: dict[str, set[str]] = defaultdict(set)
        for node, cls in nodes:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                func = node.value.func
                if isinstance(func, ast.Attribute) and func.attr != "get":
                    continue
                model = self._model_of(func, names, cls)
                for target in node.targets:
                    if model and isinstance(target, ast.Name):
                        typed[target.id].add(model)
        return {name: next(iter(models)) for name, models in typed.items() if len(models) == 1}

    def _instance_model(self, expr, typed, names, cls) -> set[str] | None:
        """{model} when `expr` is a typed variable or a `Model(...)` call, else None."""
        if isinstance(expr, ast.Name) and expr.id in typed:
            return {typed[expr.id]}
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
            model = self._model_of(expr.func, names, cls)
            return {model} if model else None
        return None

    def _model_of(self, expr: ast.AST, names, cls) -> str | None:
        """The model a receiver names: `User`, `User.by_role`, `models.User`, or `cls`/`self`
        inside a model."""
        while isinstance(expr, ast.Attribute):
            if (isinstance(expr.value, ast.Name) and expr.attr in _model_names()
                    and names.get(expr.value.id, "").startswith("emotecare.db")):
                return expr.attr  # `models.User` with `from emotecare.db import models`
            expr = expr.value
        if isinstance(expr, ast.Name):
            if expr.id in _model_names() and names.get(expr.id, "").startswith("emotecare.db."):
                return expr.id
            if expr.id in ("cls", "self") and cls in _model_names():
                return cls
        return None

    def _call(self, node: ast.Call, module: str, names, cls, models_here: set[str], batch_names,
              typed, over_all_models: bool) -> None:
        func = node.func
        if not isinstance(func, ast.Attribute):
            return
        method = func.attr
        receiver_is_other_call = isinstance(func.value, ast.Call) and self._qualified(
            func.value.func, names) not in _CLIENT_FACTORIES  # `make_env().get_template(...)`
        if not receiver_is_other_call:
            self.module_calls[module].add(method)
        if method == "get_paginator" and node.args and isinstance(node.args[0], ast.Constant):
            self.module_calls[module].add(node.args[0].value)  # paginate = call that operation
        if method == "generate_presigned_url":
            target = node.args[0] if node.args else next(
                (k.value for k in node.keywords if k.arg == "ClientMethod"), None)
            if isinstance(target, ast.Constant):
                self.presigned[module].add(target.value)
        model = self._model_of(func.value, names, cls)
        if model and method in _MODEL_CLASS_OPS and not (
                isinstance(func.value, ast.Name) and func.value.id == "self"):
            self.model_actions[model].add(_MODEL_CLASS_OPS[method])
            return
        if (over_all_models and not model and method in _MODEL_CLASS_OPS
                and method not in ("get", "describe_table")):  # `get`: dicts have it too
            self.generic_ops[module].add(_MODEL_CLASS_OPS[method])
        first_model = self._model_of(node.args[0], names, cls) if node.args else None
        if method in _TRANSACTION_OPS and first_model:
            self.model_actions[first_model].add(_TRANSACTION_OPS[method])
            return
        if isinstance(func.value, ast.Name) and func.value.id in batch_names:
            return  # batch.save / batch.delete: covered by BatchWriteItem
        if method in _INSTANCE_OPS:
            if method == "update" and not (any(k.arg == "actions" for k in node.keywords) or (
                    node.args and isinstance(node.args[-1], ast.List))):
                return  # dict.update and friends
            targets = ({model} if model else self._instance_model(func.value, typed, names, cls)
                       or (self._instance_model(node.args[0], typed, names, cls) if node.args
                           else None))
            if not targets:
                self.untyped_ops[module].add(_INSTANCE_OPS[method])
                targets = models_here
            for target in targets:
                self.model_actions[target].add(_INSTANCE_OPS[method])

    @staticmethod
    def _qualified(func: ast.AST, names: dict[str, str]) -> str | None:
        if isinstance(func, ast.Name):
            return names.get(func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            base = names.get(func.value.id)
            return f"{base}.{func.attr}" if base else None
        return None


def _unit_of(qualified: str) -> Unit | None:
    """What an import brings in: a whole module, or one function/class of a module of ours."""
    module = own_module(qualified)
    if module is None or module == qualified:
        return Unit(module) if module else None
    name = qualified.rsplit(".", 1)[1]
    defined = {n.name for n in parse(module).body
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    return Unit(module, name) if name in defined else Unit(module)


def scan_function(entries: list[tuple[str, str | None]]) -> Scan:
    """Scan a deployed function given its entries: (module, handler function or None)."""
    scan = Scan()
    queue = [Unit(module, function) for module, function in entries]
    seen: set[tuple[str, str | None]] = set()
    while queue:
        unit = queue.pop()
        if (unit.module, unit.function) in seen or not module_path(unit.module):
            continue
        seen.add((unit.module, unit.function))
        parts = unit.module.split(".")
        parents = [Unit(".".join(parts[:i])) for i in range(1, len(parts))]  # run on import
        queue.extend(scan.unit(unit) + parents)
    return scan.finish()
