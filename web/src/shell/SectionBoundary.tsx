import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Keeps a failure to draw one part of a page inside that part. Without it, one unexpected value in one answer (a
 * null where the screen expected a date) blanks the whole console: the physician loses the alerts along with the
 * part that failed. The part says so in words and can be drawn again; the rest of the page keeps working.
 */
export class SectionBoundary extends Component<{ children: ReactNode; what: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // the console's own log; never the data (it may hold PHI), only where it failed
    console.error(`${this.props.what} could not be shown: ${error.name}`, info.componentStack?.split('\n')[1]?.trim());
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error" role="alert">
        <p>
          {this.props.what} could not be shown. The rest of the page works; try again, and tell your administrator if
          it keeps happening.
        </p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
