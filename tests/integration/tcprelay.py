#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A TCP relay on 127.0.0.1 for tests of broken connections.

Relays every connection to 127.0.0.1:TARGET. Once more than CUT bytes have
gone in the chosen direction (up: client to server, down: server to client),
counted over all connections, it aborts every connection open at that
moment, once; connections made after that are relayed to the end. It
prints "PORT <n>" when listening and "CUT" when it cut, and exits when its
stdin closes.
"""
import argparse
import asyncio
import sys


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", type=int, required=True)
    parser.add_argument("--cut-after", type=int, default=0, help="bytes; 0 never cuts")
    parser.add_argument("--direction", choices=("up", "down"), default="up")
    args = parser.parse_args()

    state = {"bytes": 0, "cut": args.cut_after <= 0}
    live = set()

    def count(direction, n):
        if state["cut"] or direction != args.direction:
            return
        state["bytes"] += n
        if state["bytes"] > args.cut_after:
            state["cut"] = True
            for writer in list(live):
                writer.transport.abort()
            print("CUT", flush=True)

    async def pipe(reader, writer, direction, peer):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                writer.write(data)
                count(direction, len(data))
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            peer.transport.abort() if peer.transport else None
            writer.transport.abort() if writer.transport else None

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", args.target)
        except OSError:
            client_writer.transport.abort()
            return
        live.update((client_writer, server_writer))
        try:
            await asyncio.gather(pipe(client_reader, server_writer, "up", client_writer),
                                 pipe(server_reader, client_writer, "down", server_writer))
        finally:
            live.discard(client_writer)
            live.discard(server_writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print("PORT", server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.create_future()

    def on_stdin():
        if not sys.stdin.buffer.read1(4096) and not stdin_closed.done():
            stdin_closed.set_result(None)

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    await stdin_closed
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
