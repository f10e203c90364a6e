// The demo's "Viewing as" control (AP_AUTH=dev): picks a demo person by the cookie the endpoint reads,
// then reloads so <ap-plan> asks /api/me again and opens that person's own storage.
const COOKIE = 'ap-demo-person';
const form = document.querySelector('#viewing-as');
const select = form?.querySelector('select');

const current = () => {
  const value = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  return value === undefined ? undefined : decodeURIComponent(value);
};

async function fill() {
  const answer = await fetch('/api/demo-people');
  // Not the demo's sign-in (AP_AUTH other than dev): there is nobody to pick.
  if (!answer.ok) return;
  const people = await answer.json();
  const chosen = current() ?? people[0]?.id;
  for (const person of people) select.add(new Option(`${person.name}, ${person.title}`, person.id, false, person.id === chosen));
  form.hidden = false;
}

select?.addEventListener('change', () => {
  document.cookie = `${COOKIE}=${encodeURIComponent(select.value)}; path=/; SameSite=Strict`;
  location.reload();
});

if (form) fill();
