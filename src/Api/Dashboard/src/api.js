// REST calls with the bearer token; a 401 means the token is gone or expired, so the page starts over.
import { restart, storedToken } from './auth.js';

export async function getJson(path) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${storedToken()}` } });
  if (response.status === 401) {
    restart();
    throw new Error('401 Unauthorized');
  }
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.json();
}
