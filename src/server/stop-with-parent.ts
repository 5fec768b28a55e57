/**
 * Stops a long-running command when the process that started it is gone.
 *
 * npm runs a script through a shell (`sh -c …`, `cmd /c …`). When npm gets
 * SIGTERM it passes it to that shell only, and the shell dies without passing
 * it on: the command it started (the browser-mode server holding its port,
 * Electron) would be left running with no one to stop it. No signal reaches
 * us then, so we look: on POSIX an orphan is handed to another parent
 * (`process.ppid` changes); on Windows the old parent's pid stops answering.
 * (SIGINT is another story: the shell holds it until its child exits, and
 * nothing a child can see changes.)
 */
export function stopWithParent(stop: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && isRunning(parent)) return;
    clearInterval(timer);
    stop();
  }, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return () => clearInterval(timer);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
