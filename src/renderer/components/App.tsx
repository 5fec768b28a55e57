/** Loads the document and settings through the contract, then shows the reader. */
import { useEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import type { Settings } from '../../shared/settings';
import { unwrap } from '../api/client';
import { Reader } from './Reader';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; document: ReportDocument; settings: Settings; notices: string[] };

export function App({ api }: { api: ReaderApi }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    Promise.all([
      unwrap(api.getDocument()),
      unwrap(api.getSettings()),
      unwrap(api.getNotices()),
    ]).then(
      ([document, settings, notices]) =>
        setLoaded({ status: 'ready', document, settings, notices }),
      (error: unknown) => setLoaded({ status: 'failed', message: (error as Error).message }),
    );
  }, [api]);

  if (loaded.status === 'loading') {
    return <p className="status-screen">正在打开报告……</p>;
  }
  if (loaded.status === 'failed') {
    return (
      <div className="status-screen" role="alert">
        <p>报告未能打开。</p>
        <p className="status-detail">{loaded.message}</p>
      </div>
    );
  }
  return (
    <Reader
      api={api}
      document={loaded.document}
      initialSettings={loaded.settings}
      initialNotices={loaded.notices}
    />
  );
}
