/** Messages the reader must see: a damaged file moved aside, a save that failed. */
export function NoticeBar({
  notices,
  onDismiss,
}: {
  notices: string[];
  onDismiss(index: number): void;
}) {
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((notice, index) => (
        <p key={index} className="notice">
          <span>{notice}</span>
          <button type="button" className="tool-button" onClick={() => onDismiss(index)}>
            知道了
          </button>
        </p>
      ))}
    </div>
  );
}
