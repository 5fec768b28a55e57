/** The application menu, in Chinese, as plain data (no electron import). */
import type { MenuItemConstructorOptions } from 'electron';

export function buildMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            label: '报告阅读器',
            submenu: [
              { role: 'about', label: '关于报告阅读器' },
              { type: 'separator' },
              { role: 'quit', label: '退出' },
            ],
          },
        ]
      : [];
  return [
    ...appMenu,
    {
      label: '文件',
      submenu: [
        {
          role: platform === 'darwin' ? 'close' : 'quit',
          label: platform === 'darwin' ? '关闭窗口' : '退出',
        },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'copy', label: '复制' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ];
}
