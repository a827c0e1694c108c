// Package clustertest runs newspipe-beam the way a cluster runs it, with the job service,
// the worker pool and the SDK workers each in its own process, and compares its records
// with newspipe run's. It holds only tests.
package clustertest
