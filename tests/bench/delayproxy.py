#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A TCP proxy that adds a fixed one-way delay to every chunk it forwards.

    delayproxy.py --listen HOST:PORT --target HOST:PORT --delay-ms N
                  [--port-file FILE] [--max-buffer BYTES]

The kernel here has no netem, so the constrained-link benchmark adds latency
with this proxy instead.  Every chunk read from one side is written to the
other side N ms after it was read, in both directions, so the round trip
seen by the application grows by 2*N ms.  Reading pauses while more than
--max-buffer bytes wait in one direction, so the proxy never becomes a
bottomless buffer: backpressure still reaches the sender.  Put the proxy
after the rate limiter (on the receiving side of the shaped link): then at
most rate x delay bytes wait in it.

Port 0 picks a free port; --port-file receives the port once listening.
Runs until SIGTERM/SIGINT.
"""

import argparse
import asyncio
import os
import signal
import sys

CHUNK = 64 * 1024


def hostport(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


async def forward(reader, writer, delay, max_buffer):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    buffered = 0
    room = asyncio.Event()
    room.set()

    async def pump_in():
        nonlocal buffered
        try:
            while True:
                await room.wait()
                data = await reader.read(CHUNK)
                if not data:
                    break
                buffered += len(data)
                if buffered > max_buffer:
                    room.clear()
                queue.put_nowait((loop.time() + delay, data))
        except (ConnectionError, OSError):
            pass
        queue.put_nowait((loop.time() + delay, None))

    async def pump_out():
        nonlocal buffered
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if data is None:
                    if writer.can_write_eof():
                        writer.write_eof()
                    break
                writer.write(data)
                await writer.drain()
                buffered -= len(data)
                if buffered <= max_buffer:
                    room.set()
        except (ConnectionError, OSError):
            pass

    reader_task = asyncio.ensure_future(pump_in())
    try:
        await pump_out()
    finally:
        reader_task.cancel()


async def handle(client_reader, client_writer, args):
    try:
        server_reader, server_writer = await asyncio.open_connection(*args.target)
    except OSError:
        client_writer.close()
        return
    delay = args.delay_ms / 1000.0
    try:
        await asyncio.gather(
            forward(client_reader, server_writer, delay, args.max_buffer),
            forward(server_reader, client_writer, delay, args.max_buffer),
        )
    finally:
        for w in (client_writer, server_writer):
            try:
                w.close()
            except Exception:
                pass


async def main_async(args):
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, args), args.listen[0], args.listen[1])
    port = server.sockets[0].getsockname()[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen", type=hostport, required=True)
    p.add_argument("--target", type=hostport, required=True)
    p.add_argument("--delay-ms", type=float, required=True)
    p.add_argument("--port-file")
    p.add_argument("--max-buffer", type=int, default=16 * 1024 * 1024)
    args = p.parse_args()
    asyncio.run(main_async(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
