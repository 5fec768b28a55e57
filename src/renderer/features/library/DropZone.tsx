/**
 * The ways a report file comes in besides the desktop's open dialog: dropped
 * anywhere on the window (an overlay says where it goes while a file is
 * dragged over), or picked in the browser's file chooser, which 打开报告…
 * opens. Whatever is dragged that is not a file is left to the page.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { useReader } from '../../app/context';

export const REPORT_INPUT_ID = 'report-file-input';
/** What the chooser offers first; any file can still be picked, and is judged by its content. */
const ACCEPTED = '.pdf,.docx,.html,.htm,.txt,application/pdf,text/plain,text/html';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function DropZone() {
  const { shelf } = useReader();
  const [over, setOver] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void shelf.addFiles(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [shelf]);

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared, so choosing the same file again is seen as a choice.
    event.currentTarget.value = '';
    if (files.length > 0) void shelf.addFiles(files);
  };

  return (
    <>
      <input
        id={REPORT_INPUT_ID}
        type="file"
        accept={ACCEPTED}
        multiple
        hidden
        aria-label="打开报告文件"
        onChange={onChoose}
      />
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <p>松开鼠标，把文件加入书架</p>
            <p className="drop-formats">PDF、Word（.docx）、网页（.html）或文本（.txt）</p>
          </div>
        </div>
      )}
    </>
  );
}
