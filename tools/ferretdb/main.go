// Command ferretdb runs FerretDB v1 with its SQLite backend as the local MongoDB-wire server.
//
// A plain `go install` of FerretDB's own command builds a binary that panics at start because
// its generated version file is missing; embedding the public `ferretdb` package avoids that.
// The embedded package also disables telemetry. Only loopback addresses are accepted.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "loopback host:port to listen on")
	dataDir := flag.String("data", "data/ferretdb", "directory for the SQLite databases")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if err := requireLoopback(*listen); err != nil {
		log.Fatal(err)
	}

	if err := os.MkdirAll(*dataDir, 0o755); err != nil {
		log.Fatalf("creating data directory: %v", err)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("bad -log-level: %v", err)
	}

	logger := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	logger.Info("ferretdb listening", "addr", *listen, "data", *dataDir)

	if err := f.Run(ctx); err != nil {
		log.Fatal(err)
	}
}

// requireLoopback refuses any address that is not on the loopback interface, so a mistyped
// flag never exposes the development database to the network.
func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}

	ip := net.ParseIP(host)
	if host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}

	return &net.AddrError{Err: "only loopback addresses are allowed", Addr: addr}
}
