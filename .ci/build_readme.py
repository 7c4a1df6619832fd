"""Write README.md from nbs/index.ipynb (Quarto, which nbdev_readme needs, cannot be installed here).

Markdown cells are copied; code cells without `#| hide` become ```python blocks followed by their saved
text outputs. `--check` exits 1 when README.md is not what the notebook gives.
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def _directives(source:str) -> set:
    "Leading `#| ...` lines of a cell (nbdev reads directives only there)."
    found = set()
    for line in source.splitlines():
        if not line.startswith('#|'): break
        found.add(line[2:].strip().split(':')[0].split()[0] if line[2:].strip() else '')
    return found

def _code_block(source:str, lang='python') -> str:
    body = '\n'.join(l for l in source.splitlines() if not l.startswith('#|')).strip('\n')
    return f'```{lang}\n{body}\n```'

def _outputs(cell) -> list:
    "Saved text outputs of a code cell, each as a plain fenced block."
    texts = []
    for out in cell.get('outputs', []):
        if out['output_type'] == 'stream': texts.append(''.join(out['text']))
        elif 'text/plain' in out.get('data', {}): texts.append(''.join(out['data']['text/plain']))
    return [f'```\n{t.rstrip()}\n```' for t in texts if t.strip()]

def render_readme(nb_path=root/'nbs'/'index.ipynb') -> str:
    cells = json.loads(Path(nb_path).read_text())['cells']
    parts = []
    for cell in cells:
        source = ''.join(cell['source'])
        if 'hide' in _directives(source) or not source.strip(): continue
        if cell['cell_type'] == 'markdown': parts.append(source.strip())
        elif cell['cell_type'] == 'code': parts += [_code_block(source)] + _outputs(cell)
    return '<!-- generated from nbs/index.ipynb by .ci/build_readme.py: edit the notebook, not this file -->\n\n' + '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text, readme = render_readme(), root/'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text() != text:
            sys.exit('README.md is out of date with nbs/index.ipynb: run `.venv/bin/python .ci/build_readme.py`')
    else: readme.write_text(text)
