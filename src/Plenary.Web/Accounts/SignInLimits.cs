using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Plenary.Web.Accounts;

/// <summary>
/// How many sign-in attempts are allowed (configuration section <c>Plenary:SignIn</c>, e.g. the environment variable
/// <c>Plenary__SignIn__FailuresPerName=5</c>). Each limit counts within a fixed window of <see cref="Window"/>.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Plenary:SignIn";

    /// <summary>Wrong attempts allowed for one account name (whether or not it exists) per window; the next is refused.</summary>
    public int FailuresPerName { get; set; } = 5;

    /// <summary>Wrong attempts allowed from one client address per window, whatever names they try.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>Attempts of any outcome (posts to the sign-in form) allowed from one client address per window.</summary>
    public int AttemptsPerAddress { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Counts failed sign-ins per account name and per client address with the framework's rate limiters
/// (<see cref="PartitionedRateLimiter"/> of fixed windows): a permit is taken only when an attempt fails, and an attempt
/// is refused while either budget is spent — with the right password too, or the limit would not stop a guesser.
/// Names that exist and names that do not are counted alike, so a refusal tells nothing about which exist.
/// (All attempts per address are limited separately by the rate-limiting middleware, policy <see cref="Policy"/>.)
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "signin";

    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<SignInLimitOptions> options)
    {
        var o = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, k.StartsWith("name:", StringComparison.Ordinal) ? o.FailuresPerName : o.FailuresPerAddress),
            Window = o.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        Window = o.Window;
    }

    public TimeSpan Window { get; }

    // Checking a name's budget, verifying the password and counting a failure happen one attempt at a time per name
    // (striped locks), so a burst of parallel guesses cannot all pass the check before any failure is counted.
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Holds the name's stripe until disposed: wrap the check, the verification and the counting in it.</summary>
    public async Task<IDisposable> OneAtATime(string name, CancellationToken cancel)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(NameKey(name)) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancel);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) stripe.Release();
        }
    }

    /// <summary>True when another attempt for this name from this address may be checked now.</summary>
    public bool Allows(string name, string address)
    {
        // Asking for zero permits tells whether any are left without taking one.
        using var byName = _failures.AttemptAcquire(NameKey(name), 0);
        using var byAddress = _failures.AttemptAcquire(AddressKey(address), 0);
        return byName.IsAcquired && byAddress.IsAcquired;
    }

    /// <summary>Counts a failed attempt against the name and the address.</summary>
    public void Failed(string name, string address)
    {
        using var byName = _failures.AttemptAcquire(NameKey(name));
        using var byAddress = _failures.AttemptAcquire(AddressKey(address));
    }

    // Names are unique with case ignored; an over-long name is cut (it cannot exist, and must not grow the table unboundedly per guess).
    private static string NameKey(string name)
    {
        var n = name.Trim().ToUpperInvariant();
        return "name:" + (n.Length > 80 ? n[..80] : n);
    }

    private static string AddressKey(string address) => "addr:" + address;

    public static string ClientAddress(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public void Dispose()
    {
        _failures.Dispose();
        foreach (var s in _stripes) s.Dispose();
    }
}
