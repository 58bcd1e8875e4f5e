import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import i18n from '../i18n';

interface Props {
  children: ReactNode;
  /** Reset the boundary when this changes (e.g. the route). */
  resetKey?: string;
}
interface State {
  error: Error | null;
  key?: string;
}

/** Catches render errors and shows a plain message instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.key) return { error: null, key: props.resetKey };
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('UI error', error, info.componentStack);
  }

  render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18n.t('errorBoundary.title')}
        subTitle={i18n.t('errorBoundary.desc')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {i18n.t('errorBoundary.reload')}
          </Button>
        }
      />
    );
  }
}
