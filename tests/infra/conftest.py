"""Fixtures of the infrastructure tests: generated templates and Chalice's merged package."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from infra.stages import stage_names
from infra.template import write_templates

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", params=stage_names())
def packaged(request, tmp_path_factory) -> dict:
    """{stage, dir, template}: `chalice package --merge-template` output for each stage."""
    stage = request.param
    out = tmp_path_factory.mktemp(f"infra-{stage}")
    paths = write_templates(stage, out / "templates")
    result = subprocess.run(
        [sys.executable, str(ROOT / "infra" / "package_api.py"), str(out / "package"),
         "--stage", stage, "--merge-template", str(paths["merge"])],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    sam = out / "package" / "sam.yaml"
    return {"stage": stage, "dir": out, "sam": sam, "bootstrap": paths["bootstrap"],
            "template": yaml.safe_load(sam.read_text())}


def resources_of_type(template: dict, type_name: str) -> dict:
    return {k: v for k, v in template["Resources"].items() if v.get("Type") == type_name}


def referenced_ids(value) -> set[str]:
    """Logical ids an intrinsic-laden value refers to (Ref, GetAtt, ${X} / ${X.Attr} in Sub)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "Ref" and isinstance(inner, str):
                found.add(inner)
            elif key == "Fn::GetAtt":
                found.add(inner[0] if isinstance(inner, list) else inner.split(".")[0])
            elif key == "Fn::Sub":
                text = inner[0] if isinstance(inner, list) else inner
                found |= {m.split(".")[0] for m in re.findall(r"\$\{([^}!]+)\}", text)}
            else:
                found |= referenced_ids(inner)
    elif isinstance(value, list):
        for inner in value:
            found |= referenced_ids(inner)
    return {f for f in found if not f.startswith("AWS::")}


def function_roles(template: dict) -> dict[str, str]:
    """Function logical id → its role's logical id, for every Lambda in the template."""
    out = {}
    for fid, res in template["Resources"].items():
        if res["Type"] in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            (role,) = referenced_ids(res["Properties"]["Role"])
            out[fid] = role
    return out
