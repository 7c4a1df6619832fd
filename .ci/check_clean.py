"""Fail when the committed notebooks are not clean, the library is not their export, or README is stale."""
import json, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
venv_bin = Path(sys.executable).parent

def run(*cmd): subprocess.run(cmd, cwd=root, check=True)

def unchanged(paths, fix) -> bool:
    diff = subprocess.run(['git', 'status', '--porcelain', '--', *paths], cwd=root, capture_output=True, text=True).stdout
    if diff: print(f'{diff}^ changed by the check: {fix}', file=sys.stderr)
    return not diff

notebooks = sorted((root/'nbs').glob('*.ipynb'))
widget_state = [p.name for p in notebooks if 'widgets' in json.loads(p.read_text()).get('metadata', {})]
run(str(venv_bin/'nbdev_clean'))
run(str(venv_bin/'nbdev_export'))
ok = all([unchanged(['nbs'], 'run `.venv/bin/nbdev_clean` and commit the notebooks'),
          unchanged(['simple_distill'], 'run `.venv/bin/nbdev_export` and commit simple_distill/'),
          not widget_state])
if widget_state: print(f'saved widget state in {widget_state}: clear it (Edit > Clear outputs; no widget state)', file=sys.stderr)
readme = subprocess.run([sys.executable, '.ci/build_readme.py', '--check'], cwd=root)
sys.exit(0 if ok and readme.returncode == 0 else 1)
