// toTempFilePath / toDataURL / my.canvasToTempFilePath (docs/miniprogram-runtime.md#canvas): the area, in the
// canvas's coordinates, copied from its backing store at `destWidth` × `destHeight` (default: the area's size in
// those coordinates, as documented) and encoded as a data: URL.
import type { Json } from '../../../shared/json';
import type { CanvasExportArea } from '../../../shared/miniprogram/canvas-calls';

export function exportCanvas(canvas: HTMLCanvasElement, size: { width: number; height: number }, area: CanvasExportArea): Json {
  const x = area.x ?? 0;
  const y = area.y ?? 0;
  const width = area.width ?? size.width - x;
  const height = area.height ?? size.height - y;
  if (canvas.width === 0 || canvas.height === 0 || width <= 0 || height <= 0) {
    return { error: `nothing to export: the area ${x}, ${y}, ${width} × ${height} is empty on a canvas of ${size.width} × ${size.height} (a hidden canvas has no size)` };
  }
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(area.destWidth ?? width));
  out.height = Math.max(1, Math.round(area.destHeight ?? height));
  const scaleX = canvas.width / size.width;
  const scaleY = canvas.height / size.height;
  try {
    out.getContext('2d')?.drawImage(canvas, x * scaleX, y * scaleY, width * scaleX, height * scaleY, 0, 0, out.width, out.height);
    return { dataUrl: out.toDataURL(area.fileType === 'jpg' ? 'image/jpeg' : 'image/png', area.quality) };
  } catch (error) {
    return { error: `the canvas could not be exported: ${error instanceof Error ? error.message : String(error)}` };
  }
}
