"""Run every notebook in nbs/ as a test, cell by cell, and close with `N passed, N failed`.

nbdev_test reports only whole notebooks and exits 0 when it finds none; this runner keeps nbdev's
rules for which cells run (tst_flags, `#| eval: false`, `skip_exec`), counts each executed code cell
as a test, and fails when nothing ran.
"""
import argparse, os, sys, time, traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def _run_notebook(path:str, flags:tuple):
    "Run one notebook in a fresh shell; return (name, passed cells, failed cells, seconds, error text)."
    from execnb.shell import CaptureShell, format_exc
    from fastcore.basics import str2bool
    from nbdev.config import get_config
    from nbdev.process import NBProcessor
    from nbdev.frontmatter import FrontmatterProc
    path = Path(path)
    os.environ['IN_TEST'] = '1'
    # one BLAS/OpenMP thread per notebook process: `--workers` processes share the cores, and
    # oversubscribed torch threads made small convolutions 30-60x slower here
    os.environ.setdefault('OMP_NUM_THREADS', '1')
    skip = set(get_config().tst_flags.split()) - set(flags)
    nb = NBProcessor(path, procs=FrontmatterProc, process=True).nb
    if str2bool(getattr(nb, 'frontmatter_', {}).get('skip_exec', False)): return path.name, 0, 0, 0., ''
    def runs(cell):
        if cell.cell_type != 'code' or 'nbdev_export(' in cell.source: return False
        directives = getattr(cell, 'directives_', {}) or {}
        if directives.get('eval:', [''])[0].lower() == 'false': return False
        return not (skip & directives.keys())
    cells = [c for c in nb.cells if runs(c)]
    shell, passed, start = CaptureShell(path), 0, time.time()
    cwd = os.getcwd(); os.chdir(path.parent)
    try:
        for cell in cells:
            shell.run(cell.source)
            if shell.exc:
                where = f'{path.name}, cell starting {cell.source.splitlines()[0][:60]!r}:\n'
                return path.name, passed, len(cells)-passed, time.time()-start, where + ''.join(format_exc(shell.exc))
            passed += 1
    finally: os.chdir(cwd)
    return path.name, passed, 0, time.time()-start, ''

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('notebooks', nargs='*', help='notebooks to run (default: every nbs/*.ipynb not starting with _)')
    parser.add_argument('--flags', default='', help='space-separated test flags to run as well, e.g. "slow"')
    parser.add_argument('--workers', type=int, default=2)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    paths = [Path(p).resolve() for p in args.notebooks] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    if not paths: sys.exit('No notebooks found to test: run from a checkout that has nbs/*.ipynb')
    sys.path.insert(0, str(root))
    total_passed = total_failed = 0
    # a fresh process per notebook, as nbdev_test does: a notebook's shell replaces sys.modules['__main__'],
    # so a reused worker could not unpickle the next task
    with ProcessPoolExecutor(args.workers, max_tasks_per_child=1) as pool:
        futures = [pool.submit(_run_notebook, str(p), tuple(args.flags.split())) for p in paths]
        for fut in futures:
            name, passed, failed, secs, err = fut.result()
            total_passed += passed; total_failed += failed
            print(f'{name}: {passed} passed, {failed} failed ({secs:.0f} s)', flush=True)
            if err: print(err, file=sys.stderr, flush=True)
    print(f'{total_passed} passed, {total_failed} failed')
    sys.exit(1 if total_failed or not total_passed else 0)

if __name__ == '__main__': main()
