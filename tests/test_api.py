"""The public API: every name in ``lossdata.__all__`` resolves, and importing the package
stays light (the command line's ``--help`` must not wait for pandas or matplotlib)."""

import subprocess
import sys

import pytest

import lossdata


def test_all_lists_the_lazy_exports():
    assert sorted(lossdata.__all__) == sorted(lossdata._EXPORTS)


@pytest.mark.parametrize("name", lossdata.__all__)
def test_every_public_name_resolves(name):
    assert getattr(lossdata, name) is not None
    assert name in dir(lossdata)


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        lossdata.no_such_name  # noqa: B018


@pytest.mark.parametrize("heavy", ["pandas", "pandera", "matplotlib.pyplot"])
def test_import_does_not_load_heavy_modules(heavy):
    code = f"import sys, lossdata, lossdata.cli; print({heavy!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_command_line_answers_without_heavy_imports(flag):
    code = (
        "import sys; from lossdata.cli import main\n"
        f"try:\n    main([{flag!r}])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('pandas', 'pandera', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    if flag == "--version":
        assert out.stdout.startswith(f"lossdata {lossdata.__version__}")
