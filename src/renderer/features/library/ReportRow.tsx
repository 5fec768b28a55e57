/**
 * One report on the 书架: open it, rename it in place, or take it off the
 * shelf; with more than one edition, list them to read or compare any.
 * When renaming ends (saved or cancelled), focus goes back to 重命名, the
 * button it started from, never to the page's start.
 */
import { useState, type KeyboardEvent } from 'react';
import type { LibraryReport } from '../../../shared/library';
import { MAX_TITLE_LENGTH } from '../../../shared/library';
import { useReader } from '../../app/context';
import { useFocusReturn } from '../../ui/useFocusReturn';
import { ReportEditions } from './ReportEditions';
import { editionsLine, occasionLine, statsLine } from './shelf-view';

interface Props {
  report: LibraryReport;
  current: boolean;
  /** 移除 was pressed: the shelf takes the report off and moves focus on. */
  onRemove(report: string): void;
}

const EMPTY_TITLE = '名称不能为空，请输入一个名称。';

function RenameForm({ report, done }: { report: LibraryReport; done(): void }) {
  const { shelf } = useReader();
  const [title, setTitle] = useState(report.title);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const trimmed = title.trim();
    if (trimmed === '') return setProblem(EMPTY_TITLE);
    if (trimmed === report.title || (await shelf.rename(report.id, trimmed))) done();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      done();
    }
  };
  const problemId = `rename-problem-${report.id}`;
  return (
    <div className="shelf-rename">
      <div className="shelf-rename-row">
        <input
          className="field"
          aria-label={`《${report.title}》的新名称`}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          autoFocus
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="tool-button" onClick={() => void save()}>
          保存
        </button>
        <button type="button" className="tool-button" onClick={done}>
          取消
        </button>
      </div>
      {problem && (
        <p id={problemId} className="shelf-rename-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function ReportRow({ report, current, onRemove }: Props) {
  const { shelf } = useReader();
  const [renaming, setRenaming] = useState(false);
  const [listing, setListing] = useState(false);
  const editions = editionsLine(report);
  const { target: renameButton, returnFocus } = useFocusReturn<HTMLButtonElement>(renaming);
  const endRename = () => {
    returnFocus();
    setRenaming(false);
  };
  return (
    <li className="shelf-row" data-report={report.id} aria-current={current ? 'true' : undefined}>
      {renaming ? (
        <RenameForm report={report} done={endRename} />
      ) : (
        <button type="button" className="shelf-open" onClick={() => void shelf.open(report.id)}>
          <span className="shelf-title">
            {report.title}
            {report.bundled && <span className="shelf-badge">内置</span>}
            {current && <span className="shelf-badge">正在阅读</span>}
            {editions && <span className="shelf-badge">{editions}</span>}
          </span>
          <span className="shelf-meta">{occasionLine(report)}</span>
          <span className="shelf-meta">{statsLine(report)}</span>
        </button>
      )}
      <div className="shelf-actions">
        {editions && (
          <button
            type="button"
            className="tool-button"
            aria-expanded={listing}
            aria-label={`《${report.title}》的 ${editions}`}
            onClick={() => setListing(!listing)}
          >
            版本
          </button>
        )}
        <button
          ref={renameButton}
          type="button"
          className="tool-button"
          aria-label={`重命名《${report.title}》`}
          onClick={() => setRenaming(true)}
          disabled={renaming}
        >
          重命名
        </button>
        {!report.bundled && (
          <button
            type="button"
            className="tool-button"
            aria-label={`移除《${report.title}》`}
            onClick={() => onRemove(report.id)}
          >
            移除
          </button>
        )}
      </div>
      {editions && listing && <ReportEditions report={report} />}
    </li>
  );
}
