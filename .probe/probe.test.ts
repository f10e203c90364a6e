import { sendKeys } from '@web/test-runner-commands';
it('probe', async () => {
  const input = document.createElement('input');
  input.type = 'date';
  document.body.append(input);
  input.focus();
  const parts = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2024, 0, 31));
  const keys = parts.map((p) => p.value).join('');
  await sendKeys({ type: keys });
  console.log(JSON.stringify({ lang: navigator.language, keys, value: input.value }));
});
