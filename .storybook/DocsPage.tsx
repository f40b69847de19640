import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';

/**
 * The autodocs page of every widget: its description (the component's JSDoc), the primary story
 * with its usage snippet ("Show code") and the props table. The other states are stories of
 * their own in the sidebar: each one runs on its own mock backend, and a docs page that rendered
 * them all at once would have them share one service worker.
 */
export function DocsPage() {
  return (
    <>
      <Title />
      <Subtitle />
      <Description />
      <Primary />
      <Controls />
      <p>Every state of this widget (submitting, field errors, server error, rate-limited, network failure, success…) is a story in the sidebar.</p>
    </>
  );
}
