import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { render } from '../../src/index.js';
import { EXAMPLE_MD, EXAMPLE_YAML } from '../helpers.js';

describe('no surprise I/O', () => {
  const spies: MockInstance[] = [];
  const refuse = () => {
    throw new Error('network access attempted');
  };
  beforeAll(() => {
    spies.push(
      vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse),
      vi.spyOn(dns, 'lookup').mockImplementation(refuse),
      vi.spyOn(http, 'request').mockImplementation(refuse),
      vi.spyOn(http, 'get').mockImplementation(refuse),
      vi.spyOn(https, 'request').mockImplementation(refuse),
      vi.spyOn(https, 'get').mockImplementation(refuse),
      vi.spyOn(tls, 'connect').mockImplementation(refuse),
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
    );
  });
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
  });

  it('renders the samples, links and a remote image without touching the network', async () => {
    await render(EXAMPLE_YAML);
    await render(EXAMPLE_MD);
    const remote = await render({
      meta: { title: 'Remote' },
      sections: [
        {
          title: 'Figure',
          body: 'See [the source](https://example.org/report).',
          image: { src: 'https://example.org/chart.png', alt: 'A remote chart' },
        },
      ],
    });
    expect(remote.warnings.map((w) => w.code)).toContain('IMAGE_UNAVAILABLE');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
