"""Our source as the IAM scanner sees it: modules, their imports, and the parts one Lambda runs.

A deployed function runs its entry module and what that imports, except the bodies of other
event handlers (`@bp.schedule`, `@bp.on_sqs_message`, …), which run in their own Lambdas.
"""
from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN_PACKAGES = ("api", "functions", "emotecare")
# Bodies of these handlers run in their own Lambda, never in the function that imports them.
EVENT_DECORATORS = {"schedule", "on_sqs_message", "on_sns_message", "on_s3_event", "on_cw_event",
                    "lambda_function", "on_dynamodb_record", "on_kinesis_record"}


def module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def parse(module: str) -> ast.Module:
    return ast.parse(module_path(module).read_text(), filename=str(module_path(module)))


def is_event_handler(node: ast.AST) -> bool:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in EVENT_DECORATORS:
            return True
    return False


def walk(root: ast.AST, keep: str | None):
    """Yield (node, enclosing class name) under `root`, skipping event handlers but `keep`."""
    stack = [(root, root.name if isinstance(root, ast.ClassDef) else None)]
    while stack:
        node, cls = stack.pop()
        yield node, cls
        for child in ast.iter_child_nodes(node):
            if is_event_handler(child) and child.name != keep:
                continue
            stack.append((child, child.name if isinstance(child, ast.ClassDef) else cls))


def roots(tree: ast.Module, function: str | None) -> list[ast.AST]:
    """The whole module, or for a handler: its module's statements, it and what it calls."""
    if function is None:
        return [tree]
    defs = {n.name: n for n in tree.body
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    keep, frontier = {function}, [function]
    while frontier:
        for node in ast.walk(defs[frontier.pop()]):
            if isinstance(node, ast.Name) and node.id in defs and node.id not in keep:
                keep.add(node.id)
                frontier.append(node.id)
    return [n for n in tree.body if n.__class__ not in (ast.FunctionDef, ast.AsyncFunctionDef,
                                                         ast.ClassDef)] + [defs[k] for k in keep]


def scopes(tree: ast.Module, function: str | None) -> list[ast.AST]:
    """Top-level classes and functions of the unit, and its other statements as one scope."""
    found: list[ast.AST] = []
    rest = ast.Module(body=[], type_ignores=[])
    for root in roots(tree, function):
        for node in (root.body if isinstance(root, ast.Module) else [root]):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if not (is_event_handler(node) and node.name != function):
                    found.append(node)
            else:
                rest.body.append(node)
    return found + [rest]


def imports_of(nodes, module: str) -> dict[str, str]:
    """Local name → fully qualified name, for the import statements among `nodes`."""
    bound: dict[str, str] = {}
    package = module.rsplit(".", 1)[0] if module_path(module).name != "__init__.py" else module
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{base}.{alias.name}"
    return bound


def own_module(qualified: str) -> str | None:
    """The module of ours that `qualified` (a module or a name in one) refers to, if any."""
    if qualified.split(".")[0] not in OWN_PACKAGES + ("app",):
        return None
    if module_path(qualified):
        return qualified
    parent = qualified.rsplit(".", 1)[0]
    return parent if "." in qualified and module_path(parent) else None
