import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument } from 'yaml';
import { parseCommand, type ServeOptions } from '../../src/cli/options.js';
import { envOf, execForm, one, readStages } from '../support/dockerfile.js';

/**
 * deploy/compose.yml and deploy/k8s/ against the service itself. No Kubernetes or Compose
 * schema validator works offline from the packages installed here, so each manifest is
 * parsed, and what the service depends on is checked: its arguments and environment go
 * through the evaluator's own option parser, and probes, ports, grace periods and resource
 * limits are held to the options that parser gives.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const K8S = join(ROOT, 'deploy/k8s');
const runtime = readStages(join(ROOT, 'deploy/Dockerfile')).at(-1)!;
const [imageUid] = one(runtime, 'USER').split(':').map(Number);
const imageHealthcheck = execForm(/\bCMD\s+(\[.*\])$/.exec(one(runtime, 'HEALTHCHECK'))![1]);
const ROUTES = ['/healthz', '/readyz'];

/** Parses YAML strictly: any error or warning fails. */
function parseYaml(path: string): any[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (!Array.isArray(docs)) throw new Error(`${path}: not YAML documents`);
  for (const d of docs) {
    const problems = [...d.errors, ...d.warnings];
    if (problems.length > 0) throw new Error(`${path}: ${problems.map((e) => e.message).join('; ')}`);
  }
  return docs.map((d) => d.toJS());
}

/** The service's options from a container's arguments and environment, as the executable would read them. */
function optionsOf(args: string[], env: Record<string, string>): ServeOptions {
  const command = parseCommand(args, env);
  if (command.kind !== 'serve') throw new Error(`the arguments ${JSON.stringify(args)} do not serve: ${command.kind}`);
  return command.options;
}

/** Kubernetes quantities: CPU in cores ('500m', '2'), memory in bytes ('512Mi', '1Gi', '1G'). */
function cores(q: string | number): number {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(q));
  if (m === null) throw new Error(`not a CPU quantity: ${q}`);
  return Number(m[1]) / (m[2] === 'm' ? 1000 : 1);
}
const MEMORY_UNITS: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };
function bytes(q: string | number): number {
  const m = /^(\d+)(Ki|Mi|Gi|K|M|G|)$/.exec(String(q));
  if (m === null) throw new Error(`not a memory quantity: ${q}`);
  return Number(m[1]) * MEMORY_UNITS[m[2]];
}

/** Compose's byte values ('512M', '1G'): powers of 1024, as Docker's --memory reads them. */
function composeBytes(q: string): number {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(q);
  if (m === null) throw new Error(`not a Compose byte value: ${q}`);
  return Number(m[1]) * 1024 ** ['b', 'k', 'm', 'g'].indexOf((m[2] ?? 'b')[0].toLowerCase());
}

/**
 * What a container of these options may hold at most: per worker its heap cap and the
 * large-body buffers it may read at once (64 x --max-body), and 64 MiB for the primary.
 */
const memoryBudget = (o: ServeOptions) => o.workers * (o.workerMemory * 2 ** 20 + 64 * o.maxBody) + 64 * 2 ** 20;

describe('deploy/k8s', () => {
  const files = readdirSync(K8S).filter((f) => /\.ya?ml$/.test(f));
  const objects = files.filter((f) => f !== 'kustomization.yaml').flatMap((f) => parseYaml(join(K8S, f)));
  const byKind = (kind: string) => {
    const found = objects.filter((o) => o.kind === kind);
    expect(found, kind).toHaveLength(1);
    return found[0];
  };
  const deployment = byKind('Deployment');
  const pod = deployment.spec.template.spec;
  const podLabels = deployment.spec.template.metadata.labels;
  const [container] = pod.containers;
  const env = Object.fromEntries(container.env.map((e: { name: string; value: unknown }) => [e.name, e.value]));
  const options = optionsOf(container.args, env);
  const portNamed = (port: string | number) => (typeof port === 'number' ? port : container.ports.find((p: { name: string }) => p.name === port)?.containerPort);
  const matches = (selector: Record<string, string>) => Object.entries(selector).every(([k, v]) => podLabels[k] === v);

  it('holds the four objects, each of a known API version, and kustomization lists every file', () => {
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`).sort()).toEqual(['apps/v1 Deployment', 'autoscaling/v2 HorizontalPodAutoscaler', 'policy/v1 PodDisruptionBudget', 'v1 Service']);
    for (const o of objects) expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    const [kustomization] = parseYaml(join(K8S, 'kustomization.yaml'));
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
  });

  it("gives the container arguments and an environment the evaluator's own parser accepts, environment values as strings", () => {
    for (const e of container.env) expect(typeof e.value, e.name).toBe('string');
    expect(options.host).toBe('0.0.0.0');
    expect(portNamed('http')).toBe(options.port);
  });

  it('probes liveness on /healthz and readiness on /readyz, at the port the evaluator listens on', () => {
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
      expect(ROUTES).toContain(probe.httpGet.path);
      expect(portNamed(probe.httpGet.port)).toBe(options.port);
      // a probe must not be what kills a pod whose request runs its whole budget
      if (probe.timeoutSeconds !== undefined) expect(probe.timeoutSeconds * 1000).toBeGreaterThan(options.requestBudget);
    }
  });

  it('gives the pod time for preStop and the whole --shutdown-timeout, and not much more', () => {
    const preStop = execForm(JSON.stringify(container.lifecycle.preStop.exec.command));
    expect(preStop[0]).toBe('sleep');
    const needed = Number(preStop[1]) + options.shutdownTimeout / 1000;
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(needed);
    expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(needed + 10);
  });

  it("runs as the image's non-root user, with a read-only root and a writable /tmp for the addon", () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBe(imageUid);
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    const tmp = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: { name: string }) => v.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('sizes workers and memory to the limits: one worker per CPU, heaps and buffers within the memory limit', () => {
    const { requests, limits } = container.resources;
    expect(options.workers).toBe(cores(limits.cpu));
    expect(cores(requests.cpu)).toBeLessThanOrEqual(cores(limits.cpu));
    expect(memoryBudget(options)).toBeLessThanOrEqual(bytes(limits.memory));
    expect(bytes(requests.memory)).toBeLessThanOrEqual(bytes(limits.memory));
  });

  it('selects the pods from the Deployment, the Service, the PodDisruptionBudget; scales the Deployment on CPU', () => {
    expect(matches(deployment.spec.selector.matchLabels)).toBe(true);
    const service = byKind('Service');
    expect(matches(service.spec.selector)).toBe(true);
    expect(portNamed(service.spec.ports[0].targetPort)).toBe(options.port);
    const hpa = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: deployment.apiVersion, kind: 'Deployment', name: deployment.metadata.name });
    expect(hpa.spec.metrics.map((m: any) => m.resource.name)).toEqual(['cpu']);
    // utilisation is measured against the request: without one the HPA does nothing
    expect(container.resources.requests.cpu).toBeDefined();
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    const pdb = byKind('PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels)).toBe(true);
    // a budget the minimum of pods cannot meet would block every node drain
    expect(pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
    expect(pdb.spec.maxUnavailable).toBeLessThan(hpa.spec.minReplicas);
  });
});

describe('deploy/compose.yml', () => {
  const path = join(ROOT, 'deploy/compose.yml');
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true });
  const stack = doc.toJS();
  const services = Object.entries(stack.services as Record<string, any>);
  /** Compose replaces $X and ${X} with the deploying shell's values; $$ is a $. */
  const literal = (s: string) => {
    const unescaped = s.replace(/\$\$/g, '');
    if (unescaped.includes('$')) throw new Error(`Compose would interpolate this from the deploying shell: ${s}`);
    return s.replace(/\$\$/g, '$');
  };

  it('parses, and is a stack of replicated services on an overlay network, as the original was', () => {
    expect(doc.errors).toEqual([]);
    expect(stack.networks.default.driver).toBe('overlay');
    expect(services.length).toBeGreaterThan(0);
    for (const [, s] of services) {
      expect(s.networks).toEqual(['default']);
      expect(s.deploy.replicas).toBeGreaterThanOrEqual(2);
      expect(existsSync(join(dirname(path), s.build.context, s.build.dockerfile))).toBe(true);
    }
  });

  it("runs each service with options the evaluator's parser accepts, within its resources and grace period", () => {
    for (const [name, s] of services) {
      const options = optionsOf(s.command.map(literal), Object.fromEntries(Object.entries(s.environment as Record<string, string>).map(([k, v]) => [k, literal(String(v))])));
      expect(s.ports.map((p: { target: number }) => p.target), name).toEqual([options.port]);
      expect(options.workers).toBe(cores(s.deploy.resources.limits.cpus));
      expect(memoryBudget(options)).toBeLessThanOrEqual(composeBytes(s.deploy.resources.limits.memory));
      expect(Number(/^(\d+)s$/.exec(s.stop_grace_period)![1])).toBeGreaterThan(options.shutdownTimeout / 1000);
      if (s.read_only) expect(s.tmpfs).toContain('/tmp');
    }
  });

  it("checks health with the image's HEALTHCHECK, word for word", () => {
    for (const [, s] of services) expect(s.healthcheck.test.map(literal)).toEqual(['CMD', ...imageHealthcheck]);
    expect(envOf(runtime).PORT).toBeDefined();
  });
});
