// Downloads: the run as JSON (exactly the CLI's `run --format json`) or CSV, an experiment's spec and
// summary.csv (exactly what `involution-lab experiment` takes and writes), and each chart as SVG or PNG.
import { toCsv } from '../lab/csv.ts';
import type { RunResult } from '../sim/index.ts';

function download(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A text file, as given: its bytes are the string's UTF-8. */
export function downloadText(text: string, filename: string, type: string): void {
  download(new Blob([text], { type }), filename);
}

const base = (r: RunResult) => `involution-${r.manifest.scenario}-seed${r.manifest.seed}-${r.manifest.ticks}m`;

export function downloadRunJson(result: RunResult): void {
  download(new Blob([JSON.stringify(result) + '\n'], { type: 'application/json' }), `${base(result)}.json`);
}

export function downloadRunCsv(result: RunResult): void {
  download(new Blob([toCsv(result.series)], { type: 'text/csv' }), `${base(result)}.csv`);
}

function serialize(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // The hover read-out belongs to the screen, not to the figure.
  clone.querySelectorAll('.hover, .hover-zone').forEach((e) => e.remove());
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const vb = svg.viewBox.baseVal;
  clone.setAttribute('width', String(vb.width));
  clone.setAttribute('height', String(vb.height));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** Download the figure as SVG; `name` is the file name without extension. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(new Blob([serialize(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const vb = svg.viewBox.baseVal;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serialize(svg))}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = vb.width * 2;
  canvas.height = vb.height * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  download(blob, `${name}.png`);
}
