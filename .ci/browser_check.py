"""Real-browser check of the live dashboard: JupyterLab + Debian's headless Chromium via Playwright.

In a temporary folder it writes a small notebook that runs a digits distillation with `distill_live`, serves it with
JupyterLab on 127.0.0.1 (free port, empty token), opens it in Chromium, runs the cell, waits for the image grid and the
plotly charts, clicks Stop and checks that the run stopped with a checkpoint on disk. A second run is stopped with the
kernel's interrupt (■) instead. Then it opens the run's HtmlReport. Screenshots (PNG) go to --out. Exits non-zero with a
message on any failure; JupyterLab is stopped at the end, and the whole check is bounded in time.

Needs: `apt-get install -y chromium` and `pip install playwright` (its Python client only; no browser download).
Run: `.venv/bin/python .ci/browser_check.py --out DIR`
"""
import argparse, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
                 '--disable-sync', '--no-first-run']
RUN_SIZE = "steps=300, every=5, width=16, n_unroll=20, n_back=10, real_batch=300"  # the digits preset, made lighter
CELLS = [  # the notebook the browser runs, one string per cell
    "from simple_distill.dashboard import distill_live, HtmlReport\nfrom simple_distill.evaluate import PeriodicEvaluation\n"
    "evaluation = PeriodicEvaluation(every=3, n_models=2, steps=50)  # small: test accuracy and baseline on the chart\n"
    f"dash = distill_live('digits', out_dir='run', callbacks=[HtmlReport(every=1000), evaluation], {RUN_SIZE})",
    "import json\nreason = dash.wait(60)\n"
    "compute = sum(m['seconds'] for m in dash.history)\n"
    "print('RESULT ' + json.dumps(dict(reason=reason, step=dash.run.step, overhead=dash.overhead, compute=compute, "
    "checkpoint=str(dash.run.checkpoint_path.resolve()))))",
    f"dash2 = distill_live('digits', out_dir='run2', learn_labels=True, {RUN_SIZE})  # soft labels: captions under the images",
    "reason2 = dash2.wait(60)\n"
    "print('RESULT2 ' + json.dumps(dict(reason=reason2, step=dash2.run.step, checkpoint=str(dash2.run.checkpoint_path.resolve()))))",
]

class CheckFailed(Exception): "A failed expectation; its message says what was seen."

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def write_notebook(path:Path):
    cells = [dict(cell_type='code', execution_count=None, id=f'cell{i}', metadata={}, outputs=[], source=src) for i, src in enumerate(CELLS)]
    nb = dict(cells=cells, nbformat=4, nbformat_minor=5,
              metadata=dict(kernelspec=dict(display_name='Python 3 (ipykernel)', language='python', name='python3')))
    path.write_text(json.dumps(nb, indent=1))

def start_jupyter(folder:Path, port:int, log) -> subprocess.Popen:
    "JupyterLab on 127.0.0.1:port serving `folder`, with its own config (no news pop-ups, no saved workspace)."
    config = folder/'.jupyter-config'
    (config/'labconfig').mkdir(parents=True)
    (config/'labconfig'/'page_config.json').write_text(json.dumps({'disabledExtensions': {'@jupyterlab/apputils-extension:announcements': True}}))
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(folder/'.jupyter-runtime'),
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get('PYTHONPATH', '')]).rstrip(os.pathsep))
    cmd = [str(Path(sys.executable).parent/'jupyter'), 'lab', '--no-browser', '--ip', '127.0.0.1', '--port', str(port),
           '--allow-root', "--IdentityProvider.token=", f'--ServerApp.root_dir={folder}', f'--LabApp.workspaces_dir={folder/".workspaces"}',
           '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate']
    return subprocess.Popen(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

def wait_for_server(port:int, proc:subprocess.Popen, deadline:float):
    while time.time() < deadline:
        if proc.poll() is not None: raise CheckFailed(f'jupyter lab exited with code {proc.returncode} (see jupyter.log)')
        try:
            with urllib.request.urlopen(f'http://127.0.0.1:{port}/api/status', timeout=2) as r:
                if r.status == 200: return
        except OSError: time.sleep(0.5)
    raise CheckFailed('jupyter lab did not answer on /api/status in time (see jupyter.log)')

def stop_jupyter(proc:subprocess.Popen):
    "Stop JupyterLab and its kernels (its own process group)."
    if proc.poll() is not None: return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try: os.killpg(proc.pid, sig)
        except ProcessLookupError: return
        try: proc.wait(wait); return
        except subprocess.TimeoutExpired: pass

class Browser:
    "The notebook page, with timeouts cut to what is left of the check's time budget."
    def __init__(self, page, out:Path, deadline:float): self.page, self.out, self.deadline = page, out, deadline
    def ms(self, at_most:float) -> float:
        left = self.deadline - time.time()
        if left <= 0: raise CheckFailed('out of time')
        return 1000*min(at_most, left)
    def shot(self, name:str, locator=None, full_page=False) -> Path:
        path = self.out/name
        (locator.screenshot(path=str(path), timeout=self.ms(20)) if locator is not None else self.page.screenshot(path=str(path), full_page=full_page))
        print(f'screenshot: {path}', flush=True)
        return path
    def run_cell(self, index:int):
        "Once the kernel is idle, click into cell `index` and run it with Shift+Enter; check that it started."
        self.page.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').first.wait_for(timeout=self.ms(60))
        cell = self.page.locator('.jp-Notebook .jp-Cell').nth(index)
        prompt = cell.locator('.jp-InputPrompt')
        for attempt in range(4):  # right after the page loads, a key press can be lost: try again
            cell.locator('.cm-content').click(timeout=self.ms(30))
            self.page.keyboard.press('Shift+Enter')
            end = time.time() + 5
            while time.time() < end:
                if prompt.inner_text(timeout=self.ms(10)).strip() not in ('[ ]:', ''): return
                time.sleep(0.2)
        raise CheckFailed(f'cell {index} did not start running after Shift+Enter')
    def output(self, index:int):
        return self.page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea')
    def wait_output(self, index:int, selector:str, seconds:float):
        "Wait for `selector` in the output of cell `index`; fail at once on a traceback there."
        target, end = self.output(index).locator(selector).first, time.time() + seconds
        errors = self.output(index).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]', has_text='Traceback')
        while time.time() < min(end, self.deadline):
            if target.count(): return target
            if errors.count(): raise CheckFailed(f'cell {index} raised: ' + errors.first.inner_text().strip().splitlines()[-1])
            time.sleep(0.3)
        raise CheckFailed(f'no {selector!r} in the output of cell {index} after {seconds:.0f} s')
    def status_text(self, index:int) -> str:
        return self.output(index).locator('.widget-html-content').first.inner_text(timeout=self.ms(10))
    def wait_status(self, index:int, pattern:str, seconds:float) -> str:
        "Poll the dashboard's status line in cell `index` until it matches `pattern`."
        end, text = time.time() + seconds, ''
        while time.time() < min(end, self.deadline):
            text = self.status_text(index)
            if re.search(pattern, text): return text
            time.sleep(0.5)
        raise CheckFailed(f'dashboard status of cell {index} never matched {pattern!r}; last seen: {text!r}')
    def result(self, index:int, tag:str, seconds:float) -> dict:
        "The JSON a cell printed after `tag`."
        out = self.output(index).locator('.jp-OutputArea-output', has_text=tag)
        out.first.wait_for(timeout=self.ms(seconds))
        return json.loads(out.first.inner_text().split(tag, 1)[1].strip().splitlines()[0])

def check_checkpoint(result:dict, want_reason:str, name:str):
    import torch
    if result['reason'] != want_reason: raise CheckFailed(f'{name}: run ended with reason {result["reason"]!r}, expected {want_reason!r}')
    path = Path(result['checkpoint'])
    if not path.exists(): raise CheckFailed(f'{name}: no checkpoint at {path}')
    saved = torch.load(path, map_location='cpu', weights_only=True)['step']
    if saved != result['step'] or saved < 1: raise CheckFailed(f'{name}: checkpoint holds step {saved}, the run ended at step {result["step"]}')
    print(f'{name}: run ended {want_reason!r} at step {saved}, checkpoint {path.name} on disk', flush=True)

def check_dashboard(b:Browser):
    page = b.page
    page.wait_for_selector('.jp-Notebook', timeout=b.ms(60))
    b.shot('lab_opened.png')
    b.run_cell(0)
    stop = b.wait_output(0, 'button.widget-button:has-text("Stop")', 90)
    b.wait_output(0, '.js-plotly-plot', 30)
    grid = b.wait_output(0, 'img.widget-image', 30)
    b.wait_status(0, r'test accuracy', 90)  # the first evaluation (step 3) is on the chart
    b.wait_status(0, r'step ([5-9]|\d\d+)/', 60)  # a few steps in: grid and charts have been redrawn
    size = grid.evaluate('img => [img.naturalWidth, img.naturalHeight]')
    if size != [124, 662]: raise CheckFailed(f'image grid rendered at {size}, expected [124, 662] (10 classes × 1 image)')
    traces = page.evaluate("() => Object.fromEntries(document.querySelector('.js-plotly-plot').data.map(t => [t.name, t.x ? t.x.length : 0]))")
    empty = [name for name, n in traces.items() if n == 0]
    if empty: raise CheckFailed(f'chart traces without data in the browser: {empty}')
    b.shot('dashboard_running.png', b.output(0))
    stop.click(timeout=b.ms(10))
    b.wait_status(0, 'ended: stopped', 60)
    b.shot('dashboard_stopped.png', b.output(0))
    b.run_cell(1)
    result = b.result(1, 'RESULT', 60)
    check_checkpoint(result, 'stopped', 'Stop button')
    print(f"dashboard overhead in the live kernel: {1000*result['overhead']/result['step']:.1f} ms/step, "
          f"{100*result['overhead']/result['compute']:.1f}% of compute time", flush=True)
    # the kernel's interrupt (■) while no cell runs must stop a background run with a checkpoint too
    b.run_cell(2)
    b.wait_output(2, 'button.widget-button:has-text("Stop")', 60)
    b.wait_status(2, r'step ([3-9]|\d\d+)/', 60)
    page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]').click(timeout=b.ms(10))
    b.wait_status(2, 'ended: interrupted', 60)
    b.shot('dashboard_interrupted.png', b.output(2))
    b.run_cell(3)
    check_checkpoint(b.result(3, 'RESULT2', 60), 'interrupted', 'kernel interrupt')
    return Path(result['checkpoint']).parent/'report.html'

def check_report(b:Browser, report:Path):
    if not report.exists(): raise CheckFailed(f'HtmlReport wrote no {report}')
    b.page.goto(report.as_uri())
    b.page.locator('.js-plotly-plot').first.wait_for(timeout=b.ms(30))
    loaded = b.page.locator('img[alt="distilled images"]').evaluate('img => img.complete && img.naturalWidth > 0')
    if not loaded: raise CheckFailed('the report\'s inline image grid did not load')
    b.shot('report.png', full_page=True)
    print(f'report: {report.stat().st_size/1e6:.1f} MB, charts and image grid rendered', flush=True)

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', required=True, help='folder for the screenshots (PNG) and jupyter.log')
    parser.add_argument('--chromium', default='/usr/bin/chromium', help="Chromium binary (Debian's: apt-get install -y chromium)")
    parser.add_argument('--budget', type=float, default=170, help='seconds the whole check may take')
    args = parser.parse_args()
    deadline = time.time() + args.budget
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    if not Path(args.chromium).exists(): sys.exit(f'FAIL: no Chromium at {args.chromium}: apt-get install -y chromium')
    try: from playwright.sync_api import sync_playwright, Error as PlaywrightError
    except ImportError: sys.exit('FAIL: the playwright client is missing: .venv/bin/pip install playwright (no browser download needed)')
    folder = Path(tempfile.mkdtemp(prefix='browser_check_'))
    write_notebook(folder/'dashboard_check.ipynb')
    port, log = free_port(), open(out/'jupyter.log', 'w')
    jupyter, failure = start_jupyter(folder, port, log), None
    try:
        wait_for_server(port, jupyter, min(deadline, time.time() + 60))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={'width': 1280, 'height': 2000})
            b = Browser(page, out, deadline)
            try:
                page.goto(f'http://127.0.0.1:{port}/lab/tree/dashboard_check.ipynb', timeout=b.ms(60))
                report = check_dashboard(b)
                check_report(b, report)
            except (CheckFailed, PlaywrightError) as e:
                failure = e
                try: b.shot('failure.png')
                except Exception: pass
            finally: browser.close()
    except CheckFailed as e: failure = e
    finally:
        stop_jupyter(jupyter); log.close()
        shutil.rmtree(folder, ignore_errors=True)
    if failure is not None: sys.exit(f'FAIL: {failure}'.splitlines()[0] + f'\n(screenshots and jupyter.log in {out})')
    print(f'OK: dashboard rendered, stopped by button and by kernel interrupt with checkpoints; screenshots in {out}')

if __name__ == '__main__': main()
