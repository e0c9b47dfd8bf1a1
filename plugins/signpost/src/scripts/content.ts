/**
 * What JavaScript adds to a node's content; without it everything is still there.
 * - Code blocks get a bar with their language and a copy button (none without JavaScript: it
 *   could not work).
 * - Tabs: the sections of a `tabs` component, stacked under their labels without JavaScript,
 *   become a tab list with one panel shown (arrow keys move between tabs, as ARIA's tabs do).
 */

function copyButtons(): void {
  // Without a clipboard (an insecure origin), a button could not work: none is shown.
  if (!navigator.clipboard) return;
  for (const block of document.querySelectorAll<HTMLElement>('.code-block')) {
    if (block.querySelector('.code-copy')) continue;
    const article = block.closest<HTMLElement>('[data-copy-code]');
    const label = article?.dataset['copyCode'] ?? 'Copy code';
    const done = article?.dataset['copied'] ?? 'Copied';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = label;
    button.addEventListener('click', () => {
      const code = block.querySelector('pre')?.textContent ?? '';
      void navigator.clipboard
        .writeText(code)
        .then(() => {
          button.textContent = done;
          setTimeout(() => (button.textContent = label), 2000);
        })
        .catch(() => undefined);
    });
    // A bar above the code, so that the button never covers a line of it.
    const bar = document.createElement('div');
    bar.className = 'code-toolbar';
    const lang = block.querySelector<HTMLElement>('pre')?.dataset['lang'];
    const name = document.createElement('span');
    name.className = 'code-lang';
    name.textContent = lang ?? '';
    bar.append(name, button);
    block.prepend(bar);
  }
}

function tabs(): void {
  for (const group of document.querySelectorAll<HTMLElement>('.tabs')) {
    if (group.querySelector('[role="tablist"]')) continue;
    const panels = [...group.querySelectorAll<HTMLElement>(':scope > .tab-panel')];
    if (panels.length < 2) continue;
    const list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.className = 'tab-list';
    const buttons = panels.map((panel, index) => {
      const label = panel.querySelector<HTMLElement>(':scope > .tab-label');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.id = `${panel.id}-tab`;
      button.setAttribute('aria-controls', panel.id);
      button.textContent = label?.textContent ?? String(index + 1);
      label?.setAttribute('hidden', '');
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', button.id);
      panel.tabIndex = 0;
      list.append(button);
      return button;
    });
    const select = (chosen: number, focus: boolean) => {
      buttons.forEach((button, index) => {
        const selected = index === chosen;
        button.setAttribute('aria-selected', String(selected));
        button.tabIndex = selected ? 0 : -1;
        panels[index]!.hidden = !selected;
      });
      if (focus) buttons[chosen]!.focus();
    };
    buttons.forEach((button, index) => {
      button.addEventListener('click', () => select(index, false));
      button.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (event.key === 'Home') select(0, true);
        else if (event.key === 'End') select(buttons.length - 1, true);
        else if (step) select((index + step + buttons.length) % buttons.length, true);
        else return;
        event.preventDefault();
      });
    });
    group.prepend(list);
    group.classList.add('tabs-enhanced');
    select(0, false);
  }
}

copyButtons();
tabs();
