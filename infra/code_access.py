"""Which AWS actions each deployed function's code performs, on which platform resources.

Read from the source, statically: starting at a function's entry (the API's route modules,
or one event handler), follow imports inside our own packages and collect
- boto3 calls: services from `aws.client("svc")`, operations from method calls whose name
  is an operation of such a service (botocore's model), resources from the `Settings`
  fields the code reads (`settings.frames_bucket` → the frames bucket);
- PynamoDB calls: `Model.get/query/...`, `Model.index.query`, instance `save/update/delete`,
  transactions, batch writes, on the models the code names.
The IAM policies of the template are generated from this, so a role can do exactly what its
code does; tests/infra checks the template against it and the scanner against sample code.
"""
from __future__ import annotations

import ast
import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OWN_PACKAGES = ("api", "functions", "emotecare")
# Bodies of these handlers run in their own Lambda, never in the function that imports them.
EVENT_DECORATORS = {"schedule", "on_sqs_message", "on_sns_message", "on_s3_event", "on_cw_event",
                    "lambda_function", "on_dynamodb_record", "on_kinesis_record"}
_CLIENT_FACTORIES = {"emotecare.aws.client", "boto3.client"}


@dataclass(frozen=True)
class Resource:
    """A platform resource: kind ("table", "bucket", "queue", "user_pool", "email_identity",
    "foundation_model") and key (table suffix, bucket/queue key, or "" for the single ones)."""

    kind: str
    key: str = ""


Access = dict[Resource, set[str]]  # resource → IAM actions ("s3:GetObject")

# boto3 service → (IAM prefix, resource kind)
_SERVICES = {
    "s3": ("s3", "bucket"), "sqs": ("sqs", "queue"), "dynamodb": ("dynamodb", "table"),
    "cognito-idp": ("cognito-idp", "user_pool"), "ses": ("ses", "email_identity"),
    "sesv2": ("ses", "email_identity"), "bedrock-runtime": ("bedrock", "foundation_model"),
    "cloudwatch": ("cloudwatch", "any"),  # PutMetricData takes no resource: AWS requires "*"
}
# Client methods whose IAM action is not their CamelCase name.
_SPECIAL = {
    ("s3", "generate_presigned_post"): {"PutObject"}, ("s3", "upload_file"): {"PutObject"},
    ("s3", "upload_fileobj"): {"PutObject"}, ("s3", "download_file"): {"GetObject"},
    ("s3", "download_fileobj"): {"GetObject"}, ("s3", "copy"): {"GetObject", "PutObject"},
    ("s3", "copy_object"): {"GetObject", "PutObject"}, ("s3", "head_object"): {"GetObject"},
    ("s3", "head_bucket"): {"ListBucket"}, ("s3", "list_objects"): {"ListBucket"},
    ("s3", "list_objects_v2"): {"ListBucket"}, ("s3", "delete_objects"): {"DeleteObject"},
    ("sqs", "send_message_batch"): {"SendMessage"}, ("sqs", "delete_message_batch"): {"DeleteMessage"},
    ("sqs", "change_message_visibility_batch"): {"ChangeMessageVisibility"},
    ("bedrock-runtime", "converse"): {"InvokeModel"},
    ("bedrock-runtime", "converse_stream"): {"InvokeModelWithResponseStream"},
}
_BOTO_HELPERS = {"s3": ("generate_presigned_post", "generate_presigned_url", "upload_file",
                        "upload_fileobj", "download_file", "download_fileobj", "copy")}
# PynamoDB methods called on a model class (or one of its indexes).
_MODEL_CLASS_OPS = {"get": "GetItem", "batch_get": "BatchGetItem", "query": "Query",
                    "scan": "Scan", "count": "Query", "batch_write": "BatchWriteItem",
                    "exists": "DescribeTable", "describe_table": "DescribeTable"}
# PynamoDB methods called on an instance or inside a TransactWrite: the model is not named.
_INSTANCE_OPS = {"save": "PutItem", "update": "UpdateItem", "delete": "DeleteItem",
                 "refresh": "GetItem"}
_TRANSACTION_OPS = {"condition_check": "ConditionCheckItem", "get": "GetItem"}


@functools.lru_cache(maxsize=None)
def _operations(service: str) -> frozenset[str]:
    """boto3 method names of `service` (from botocore's bundled model; no network)."""
    import botocore.session
    from botocore import xform_name

    model = botocore.session.get_session().get_service_model(service)
    return frozenset(xform_name(op) for op in model.operation_names) | frozenset(
        _BOTO_HELPERS.get(service, ()))


@functools.lru_cache(maxsize=None)
def _model_names() -> frozenset[str]:
    from emotecare.db.registry import all_models

    return frozenset(m.__name__ for m in all_models())


def _camel(method: str) -> str:
    return "".join(part.capitalize() for part in method.split("_"))


def _module_path(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def _parse(module: str) -> ast.Module:
    return ast.parse(_module_path(module).read_text(), filename=str(_module_path(module)))


def _is_event_handler(node: ast.AST) -> bool:
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in EVENT_DECORATORS:
            return True
    return False


def _walk(root: ast.AST, keep: str | None):
    """Yield (node, enclosing class name) under `root`, skipping event handlers but `keep`."""
    stack = [(root, root.name if isinstance(root, ast.ClassDef) else None)]
    while stack:
        node, cls = stack.pop()
        yield node, cls
        for child in ast.iter_child_nodes(node):
            if _is_event_handler(child) and child.name != keep:
                continue
            stack.append((child, child.name if isinstance(child, ast.ClassDef) else cls))


def _roots(tree: ast.Module, function: str | None) -> list[ast.AST]:
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


def _scopes(tree: ast.Module, function: str | None) -> list[ast.AST]:
    """Top-level classes and functions of the unit, and its other statements as one scope."""
    scopes: list[ast.AST] = []
    rest = ast.Module(body=[], type_ignores=[])
    for root in _roots(tree, function):
        for node in (root.body if isinstance(root, ast.Module) else [root]):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                if not (_is_event_handler(node) and node.name != function):
                    scopes.append(node)
            else:
                rest.body.append(node)
    return scopes + [rest]


def _imports(nodes, module: str) -> dict[str, str]:
    """Local name → fully qualified name, for the import statements among `nodes`."""
    bound: dict[str, str] = {}
    package = module.rsplit(".", 1)[0] if _module_path(module).name != "__init__.py" else module
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


def _own_module(qualified: str) -> str | None:
    """The module of ours that `qualified` (a module or a name in one) refers to, if any."""
    if qualified.split(".")[0] not in OWN_PACKAGES + ("app",):
        return None
    if _module_path(qualified):
        return qualified
    parent = qualified.rsplit(".", 1)[0]
    return parent if "." in qualified and _module_path(parent) else None


@dataclass
class _Unit:
    """A module; its event handlers are skipped but `function` (they run in other Lambdas)."""

    module: str
    function: str | None = None


@dataclass
class _Site:
    """Where a boto3 client is made: the class or function around `aws.client("svc")`.

    Its resources are the `Settings` fields read there (the bucket handed to the class that
    gets the client); its calls are those of its module and of the modules it names there
    (where the client is handed to), and of what they import.
    """

    services: set[str]
    fields: set[str]
    modules: set[str]
    all_tables: bool


class _Scan:
    def __init__(self) -> None:
        self.sites: list[_Site] = []
        self.module_calls: dict[str, set[str]] = defaultdict(set)  # method names, per module
        self.presigned: dict[str, set[str]] = defaultdict(set)  # generate_presigned_url targets
        self.model_actions: dict[str, set[str]] = defaultdict(set)
        self.imports: dict[str, set[str]] = defaultdict(set)  # own modules each module imports

    def unit(self, unit: _Unit) -> list[str]:
        """Record what `unit` does; return the modules it imports."""
        nodes = [pair for root in _roots(_parse(unit.module), unit.function)
                 for pair in _walk(root, keep=unit.function)]
        names = _imports([n for n, _ in nodes], unit.module)
        models_here = self._models(nodes, names)
        batch_names = {item.optional_vars.id for n, _ in nodes if isinstance(n, ast.With)
                       for item in n.items if isinstance(item.optional_vars, ast.Name)
                       and isinstance(item.context_expr, ast.Call)
                       and isinstance(item.context_expr.func, ast.Attribute)
                       and item.context_expr.func.attr == "batch_write"}
        typed = self._typed_names(nodes, names)
        for node, cls in nodes:
            if isinstance(node, ast.Call):
                self._call(node, unit.module, names, cls, models_here, batch_names, typed)
        for scope in _scopes(_parse(unit.module), unit.function):
            self._site(scope, unit.module, names)
        imported = [m for m in (_own_module(q) for q in names.values()) if m]
        self.imports[unit.module].update(imported)
        return imported

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
                target = _own_module(names.get(node.id, ""))
                if target:
                    modules.add(target)
        if services:
            self.sites.append(_Site(services, fields, modules, all_tables))

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
        """The model a receiver names: `User`, `User.by_role`, or `cls`/`self` inside a model."""
        while isinstance(expr, ast.Attribute):
            expr = expr.value
        if isinstance(expr, ast.Name):
            if expr.id in _model_names() and names.get(expr.id, "").startswith("emotecare.db."):
                return expr.id
            if expr.id in ("cls", "self") and cls in _model_names():
                return cls
        return None

    def _call(self, node: ast.Call, module: str, names, cls, models_here: set[str], batch_names,
              typed) -> None:
        func = node.func
        if not isinstance(func, ast.Attribute):
            return
        method = func.attr
        receiver_is_other_call = isinstance(func.value, ast.Call) and self._qualified(
            func.value.func, names) not in _CLIENT_FACTORIES  # `make_env().get_template(...)`
        if not receiver_is_other_call:
            self.module_calls[module].add(method)
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
        first_model = self._model_of(node.args[0], names, cls) if node.args else None
        if method in _TRANSACTION_OPS and first_model:
            self.model_actions[first_model].add(_TRANSACTION_OPS[method])
            return
        if isinstance(func.value, ast.Name) and func.value.id in batch_names:
            return  # batch.save / batch.delete: covered by BatchWriteItem
        if method in _INSTANCE_OPS and models_here:
            if method == "update" and not (any(k.arg == "actions" for k in node.keywords) or (
                    node.args and isinstance(node.args[-1], ast.List))):
                return  # dict.update and friends
            targets = ({model} if model else self._instance_model(func.value, typed, names, cls)
                       or (self._instance_model(node.args[0], typed, names, cls) if node.args
                           else None) or models_here)
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


def scan_function(entries: list[tuple[str, str | None]]) -> _Scan:
    """Scan a deployed function given its entries: (module, handler function or None)."""
    scan = _Scan()
    queue = [_Unit(module, function) for module, function in entries]
    seen: set[tuple[str, str | None]] = set()
    while queue:
        unit = queue.pop()
        if (unit.module, unit.function) in seen or not _module_path(unit.module):
            continue
        seen.add((unit.module, unit.function))
        imported = scan.unit(unit)
        parts = unit.module.split(".")
        parents = [".".join(parts[:i]) for i in range(1, len(parts))]
        queue.extend(_Unit(m) for m in imported + parents)
    return scan


def function_access(entries: list[tuple[str, str | None]], settings_resources: dict[str, Resource],
                    all_tables: list[str]) -> Access:
    """Resources and IAM actions the function with these entries uses.

    `settings_resources` maps a `Settings` field to the resource it names; `all_tables` are
    the table suffixes (for code that walks every model, like the health check).
    """
    scan = scan_function(entries)
    access: Access = defaultdict(set)
    for model, actions in scan.model_actions.items():
        access[Resource("table", _suffix(model))] |= {f"dynamodb:{a}" for a in actions}
    for site in scan.sites:
        # The client may travel further than the module it is handed to (a factory's backend).
        modules = scan.reachable(site.modules)
        calls = set().union(*(scan.module_calls.get(m, set()) for m in modules))
        presigned = set().union(*(scan.presigned.get(m, set()) for m in modules))
        for service in sorted(site.services):
            _grant_site(access, service, site, calls, presigned, scan, settings_resources, all_tables)
    return dict(access)


def _grant_site(access: Access, service: str, site: _Site, calls: set[str], presigned: set[str],
                scan: _Scan, settings_resources: dict[str, Resource], all_tables: list[str]) -> None:
    if service not in _SERVICES:
        raise NotImplementedError(f"code uses boto3 {service!r}: map it to IAM in {__file__}")
    prefix, kind = _SERVICES[service]
    actions: set[str] = set()
    for method in calls & _operations(service):
        if method == "generate_presigned_url":
            for target in presigned & _operations(service):
                actions |= _SPECIAL.get((service, target), {_camel(target)})
            continue
        actions |= _SPECIAL.get((service, method), {_camel(method)})
    if not actions:
        return
    if kind == "any":
        targets = {Resource("any")}
    elif kind == "table":
        targets = {Resource("table", t) for t in all_tables} if site.all_tables else {
            Resource("table", _suffix(m)) for m in scan.model_actions}
    else:
        named = {r for f, r in settings_resources.items() if r.kind == kind and f in site.fields}
        # A client made where no name is read may touch any resource of its kind (still ours).
        targets = named or {r for r in settings_resources.values() if r.kind == kind}
    for target in targets:
        access[target] |= {f"{prefix}:{a}" for a in actions}


def _suffix(model_name: str) -> str:
    from emotecare.db import table_suffix
    from emotecare.db.registry import all_models

    return table_suffix(next(m for m in all_models() if m.__name__ == model_name))
