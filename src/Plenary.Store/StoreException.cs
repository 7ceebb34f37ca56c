namespace Plenary.Store;

/// <summary>A registry file that cannot be used as asked (not Plenary's, newer than this program, unreadable).</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
