"""The layers keep their order: the import-linter contracts in pyproject.toml
(``[tool.importlinter]``) hold. They replace the checks that imported a module in a fresh
interpreter and looked for Qt in ``sys.modules``: a contract sees every import, also one in a
function that the fresh import never ran."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def lint(config: Path, monkeypatch) -> int:
    monkeypatch.chdir(ROOT)  # the root package is found from here
    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_every_import_contract_is_kept(monkeypatch, capsys):
    assert lint(ROOT / "pyproject.toml", monkeypatch) == 0, capsys.readouterr().out
    assert "4 kept, 0 broken" in capsys.readouterr().out


def test_a_broken_contract_is_reported(monkeypatch, tmp_path, capsys):
    config = tmp_path / "broken.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "bpstudio"\ninclude_external_packages = true\n\n'
        '[[tool.importlinter.contracts]]\nname = "views without pyqtgraph"\n'
        'type = "forbidden"\nsource_modules = ["bpstudio.gui.views"]\n'
        'forbidden_modules = ["pyqtgraph"]\n'
    )
    assert lint(config, monkeypatch) == 1
    assert "views without pyqtgraph BROKEN" in capsys.readouterr().out
