/** Shown in place of the toolbar when the contract cannot be reached; the text stays readable. */
export function LoadFailed({ message }: { message: string }) {
  return (
    <p className="notice" role="alert">
      阅读器服务未能连接，目录和设置暂不可用：{message}
    </p>
  );
}
