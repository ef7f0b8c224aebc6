import { KUBERNETES_VERSION } from './discovery';

// A minimal OpenAPI v2 document. kubectl 1.32 does not cope with a 404 here after all:
// `kubectl create -f` / `apply -f` validate client-side and fail with "failed to download
// openapi" unless given --validate=false. An (almost) empty document makes kubectl skip schema
// validation of unknown kinds, as it does for CRDs without schemas. kubectl asks for the gnostic
// protobuf form (application/com.github.proto-openapi.spec.v2@v1.0+protobuf), so it is encoded
// by hand: Document{swagger=1: "2.0", info=2: Info{title=1, version=3}}.
// /openapi/v3 stays 404: kubectl then falls back to v2, and `kubectl explain` is unsupported.

function field(num: number, payload: Buffer): Buffer {
  // Wire type 2 (length-delimited); all lengths here are < 128, so one varint byte.
  if (payload.length > 127) throw new Error('payload too long for this tiny encoder');
  return Buffer.concat([Buffer.from([(num << 3) | 2, payload.length]), payload]);
}

export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([field(1, Buffer.from('Kubernetes')), field(3, Buffer.from(KUBERNETES_VERSION.gitVersion))]);
  return Buffer.concat([field(1, Buffer.from('2.0')), field(2, info)]);
}

export function openApiV2Json(): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion }, paths: {}, definitions: {} };
}
