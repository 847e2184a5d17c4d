"""User errors of `emotecare model ...` exit non-zero with one line on stderr."""
from __future__ import annotations

import pytest

from emotecare_dev.cli.main import main


@pytest.mark.parametrize("argv", [
    ["model", "evaluate", "{tmp}/missing.zip"],
    ["model", "evaluate", "{tmp}", "--split", "test"],
    ["model", "train", "--data", "{tmp}/missing"],
    ["model", "analyze", "{tmp}/missing.jpg"],
    ["model", "export", "--checkpoint", "{tmp}/missing.keras"],
    ["model", "train", "--data", "{tmp}", "--epochs", "0"],
    ["model", "train", "--data", "{tmp}", "--crop", "60"],
])
def test_bad_paths_exit_2_with_one_line(tmp_path, capsys, argv):
    code = main([arg.format(tmp=tmp_path) for arg in argv])

    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("emotecare: ")
