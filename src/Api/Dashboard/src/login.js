// The dev-token form of local runs. Listing townships and villages needs the topology, which needs a token,
// so the form reads it with a throwaway city dev token: the same endpoint mints any role anyway.
import { requestDevToken, store } from './auth.js';
import { el } from './format.js';

async function loadPlaces() {
  try {
    const token = await requestDevToken('city');
    const response = await fetch('/api/topology', { headers: { Authorization: `Bearer ${token}` } });
    return response.ok ? (await response.json()).townships : null;
  } catch {
    return null;
  }
}

export async function showLogin(section, onSignedIn) {
  const role = el('select', { name: 'role' },
    el('option', { value: 'city' }, '市级 City'),
    el('option', { value: 'township' }, '镇街 Township'),
    el('option', { value: 'village' }, '村社区 Village'));
  const scope = el('select', { name: 'scope', disabled: true });
  const error = el('p', { class: 'login-error', role: 'alert', hidden: true });
  const submit = el('button', { type: 'submit' }, '进入 Enter');
  const form = el('form', { class: 'login-form' },
    el('h2', {}, '登录 Sign in', el('span', { class: 'en' }, 'development token')),
    el('label', {}, el('span', {}, '角色 Role'), role),
    el('label', {}, el('span', {}, '范围 Scope'), scope),
    submit, error);
  section.replaceChildren(form);
  section.hidden = false;

  const townships = await loadPlaces();
  const fillScopes = () => {
    scope.disabled = role.value === 'city' || !townships;
    if (role.value === 'city' || !townships) {
      scope.replaceChildren(el('option', { value: '' }, role.value === 'city' ? '全市 Whole county' : '—'));
    } else if (role.value === 'township') {
      scope.replaceChildren(...townships.map((t) => el('option', { value: t.id }, `${t.name} ${t.nameEn}`)));
    } else {
      scope.replaceChildren(...townships.map((t) => el('optgroup', { label: t.name },
        ...t.villages.map((v) => el('option', { value: v.id }, v.name)))));
    }
  };
  role.addEventListener('change', fillScopes);
  fillScopes();
  if (!townships) {
    error.hidden = false;
    error.textContent = '无法读取区划 Could not load the topology (are dev tokens on?)';
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      store(await requestDevToken(role.value, scope.value));
      section.hidden = true;
      onSignedIn();
    } catch (failure) {
      error.hidden = false;
      error.textContent = `登录失败 Sign-in failed: ${failure.message}`;
    } finally {
      submit.disabled = false;
    }
  });
}
