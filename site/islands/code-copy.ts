/**
 * A copy button on each code block of an article (issue 15): copies the block's text with
 * the Clipboard API and says so on the button for two seconds. Without the API (an
 * insecure origin, an old browser) there is no button.
 */
export function initCodeCopy(labels: { copy: string; copied: string }): void {
  if (!navigator.clipboard?.writeText) return;
  for (const pre of document.querySelectorAll<HTMLPreElement>('.article-content pre')) {
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy secondary';
    button.textContent = labels.copy;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.innerText);
        button.textContent = labels.copied;
        setTimeout(() => (button.textContent = labels.copy), 2000);
      } catch {
        // Permission refused: the text can still be selected by hand.
      }
    });
    wrapper.append(button);
  }
}
