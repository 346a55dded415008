/**
 * CPU milliseconds (user and system) this process has used. The guards against pathological
 * (super-linear) work time a stage with it rather than with the wall clock: tests run in forks and
 * these stages in the test's own thread, and on a loaded machine the wall clock measures the machine.
 */
export const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
