import { sendKeys } from '@web/test-runner-commands';
it('probe', async () => {
  for (const text of ['Partner data late', 'a b c d e f']) {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await sendKeys({ type: text });
    console.log(JSON.stringify({ text, value: input.value }));
    input.remove();
  }
});
