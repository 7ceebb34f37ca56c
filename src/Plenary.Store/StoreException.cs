namespace Plenary.Store;

/// <summary>A registry file that cannot be used as asked (not Plenary's, newer than this program, unreadable).</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A write that could not start because another writer held the registry longer than the engine waits (SQLite's busy
/// timeout): nothing was written, and the same write may well succeed a moment later.
/// </summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a caller is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
}
