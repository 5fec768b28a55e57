/** The places in index.html's static skeleton that the interface fills in. */
export interface Slots {
  reader: HTMLElement;
  toolbar: HTMLElement;
  notices: HTMLElement;
  sidebar: HTMLElement;
  pane: HTMLElement;
}

function required(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html has no #${id}`);
  return element;
}

export function findSlots(): Slots {
  return {
    reader: required('reader-app'),
    toolbar: required('toolbar-slot'),
    notices: required('notices-slot'),
    sidebar: required('sidebar'),
    pane: required('pane'),
  };
}
