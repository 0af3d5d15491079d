import { acquireTenantLock, type AcquireTenantLockOptions, type TenantLock } from './acquire-tenant-lock.js'

/** Runs `work` while holding the tenant's lock and always releases it; `lock.signal` aborts if the lock is lost. */
export async function withTenantLock<T>(options: AcquireTenantLockOptions, work: (lock: TenantLock) => Promise<T>): Promise<T> {
  const lock = await acquireTenantLock(options)
  try {
    return await work(lock)
  } finally {
    await lock.release()
  }
}
