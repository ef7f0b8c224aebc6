import type { ListKind } from '../../../../main/contract';
export { listKindOf } from '../../../../main/kube/kinds';

/** An object to show: the list screen of its kind opens with its detail pane. */
export interface ObjectTarget {
  kind: ListKind;
  /** Absent for cluster-scoped kinds (nodes, persistent volumes...). */
  namespace?: string | undefined;
  name: string;
}

type Listener = (target: ObjectTarget) => void;

/**
 * Cross-screen links ("open the ReplicaSet that owns this pod", "open the pods of a finding").
 * A link asks for a target; the app switches to the screen that lists the target's kind (it
 * subscribes with `onObjectRequested`), and that screen's list takes the target once it mounts
 * (`takeObjectTarget`) or, when it is already on screen, as the request arrives. The pending
 * target lives here so it survives the screen switch that mounts the list.
 */
export function createObjectNavigation() {
  let pending: ObjectTarget | null = null;
  const listeners = new Set<Listener>();
  return {
    open(target: ObjectTarget): void {
      pending = target;
      for (const listener of [...listeners]) listener(target);
    },
    onObjectRequested(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The pending target without taking it (a screen with several lists picks the one to show). */
    peek(): ObjectTarget | null {
      return pending;
    },
    /** The pending target if it is of one of these kinds; taken once, so a later visit starts plain. */
    take(kinds: readonly ListKind[]): ObjectTarget | null {
      if (!pending || !kinds.includes(pending.kind)) return null;
      const target = pending;
      pending = null;
      return target;
    },
  };
}

const navigation = createObjectNavigation();
export const openObject = navigation.open;
export const onObjectRequested = navigation.onObjectRequested;
export const takeObjectTarget = navigation.take;
export const peekObjectTarget = navigation.peek;
