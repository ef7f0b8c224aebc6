import { Component, type ReactNode } from 'react';

interface Props {
  /** What the screen is called, for the message. */
  label: string;
  children: ReactNode;
}

/**
 * Catches a screen that failed to load or render, so the rest of the window (sidebar, cluster bar)
 * stays usable: says what happened and offers to try again (a new mount loads the code afresh).
 * A class because React offers error boundaries only as classes.
 */
export class ScreenErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="error">
        <p>
          The {this.props.label} screen could not be shown: {error.message}
        </p>
        <p className="muted">If Berth was restarted or updated meanwhile, reload the window. Otherwise try again.</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
