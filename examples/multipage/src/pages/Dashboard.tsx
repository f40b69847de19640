import { useAuth, useSessionState } from 'latchkey';
import { useId } from 'react';

const PROJECTS = ['Apollo', 'Borealis', 'Cassini', 'Daedalus', 'Europa', 'Fermi', 'Gemini', 'Hubble'];

export function Dashboard() {
  const name = useAuth((auth) => auth.user?.name || auth.user?.username);
  // Per-user page state: kept while you move between pages, wiped when you sign out.
  const [filter, setFilter] = useSessionState('dashboard.filter', '');
  const [draft, setDraft] = useSessionState('dashboard.draft', '');
  const filterId = useId();
  const draftId = useId();
  const shown = PROJECTS.filter((project) => project.toLowerCase().includes(filter.trim().toLowerCase()));

  return (
    <>
      <h1>Dashboard</h1>
      <p>Signed in as {name}.</p>
      <section aria-labelledby={`${filterId}-h`}>
        <h2 id={`${filterId}-h`}>Projects</h2>
        <label htmlFor={filterId}>Filter projects</label>
        <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <ul aria-label="Matching projects">
          {shown.map((project) => (
            <li key={project}>{project}</li>
          ))}
        </ul>
        {shown.length === 0 && <p>No project matches.</p>}
      </section>
      <section aria-labelledby={`${draftId}-h`}>
        <h2 id={`${draftId}-h`}>Notes</h2>
        <label htmlFor={draftId}>Draft note</label>
        <textarea id={draftId} rows={4} value={draft} onChange={(event) => setDraft(event.target.value)} />
      </section>
    </>
  );
}
