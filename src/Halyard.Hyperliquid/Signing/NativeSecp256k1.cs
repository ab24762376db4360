using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// secp256k1 through the system libsecp256k1 (Debian <c>libsecp256k1-1</c>), called via unmanaged function pointers.
/// Uses its default RFC 6979 nonce function, which returns low-s signatures. One randomised context for the process;
/// libsecp256k1 contexts are safe to share between threads for signing and recovery.
/// </summary>
public sealed unsafe class NativeSecp256k1 : ISecp256k1
{
    private const uint ContextSignVerify = 0x0301; // SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY
    private const uint EcUncompressed = 0x0002;    // SECP256K1_EC_UNCOMPRESSED
    private static readonly string[] LibraryNames = ["libsecp256k1.so.1", "libsecp256k1"];
    private static readonly Lazy<(NativeSecp256k1? Instance, string? Failure)> Loaded = new(Load);

    private readonly IntPtr _context;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int> _signRecoverable;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int*, byte*, int> _serializeCompact;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int> _parseCompact;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int> _recover;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int> _pubkeyCreate;
    private readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint*, byte*, uint, int> _pubkeySerialize;

    private NativeSecp256k1(IntPtr library)
    {
        var create = (delegate* unmanaged[Cdecl]<uint, IntPtr>)Export(library, "secp256k1_context_create");
        var randomize = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int>)Export(library, "secp256k1_context_randomize");
        _signRecoverable = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int>)Export(library, "secp256k1_ecdsa_sign_recoverable");
        _serializeCompact = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int*, byte*, int>)Export(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
        _parseCompact = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int>)Export(library, "secp256k1_ecdsa_recoverable_signature_parse_compact");
        _recover = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int>)Export(library, "secp256k1_ecdsa_recover");
        _pubkeyCreate = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int>)Export(library, "secp256k1_ec_pubkey_create");
        _pubkeySerialize = (delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint*, byte*, uint, int>)Export(library, "secp256k1_ec_pubkey_serialize");

        _context = create(ContextSignVerify);
        if (_context == IntPtr.Zero) throw new InvalidOperationException("secp256k1_context_create returned null");
        // Blinding against side channels; a fresh random seed per process.
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* seedPtr = seed)
        {
            if (randomize(_context, seedPtr) != 1) throw new InvalidOperationException("secp256k1_context_randomize failed");
        }
    }

    public string Name => "libsecp256k1";

    /// <summary>The process-wide instance, or null when libsecp256k1 (with its recovery module) cannot be loaded.</summary>
    public static NativeSecp256k1? Instance => Loaded.Value.Instance;

    /// <summary>Why loading failed (null when it loaded).</summary>
    public static string? LoadFailure => Loaded.Value.Failure;

    public int Sign(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> secretKey32, Span<byte> signature64)
    {
        RequireLength(digest32, 32, nameof(digest32));
        RequireLength(secretKey32, 32, nameof(secretKey32));
        RequireLength(signature64, 64, nameof(signature64));
        byte* recoverable = stackalloc byte[65];
        int recoveryId;
        fixed (byte* digest = digest32)
        fixed (byte* secret = secretKey32)
        fixed (byte* output = signature64)
        {
            if (_signRecoverable(_context, recoverable, digest, secret, IntPtr.Zero, IntPtr.Zero) != 1)
                throw new ArgumentException("secret key is not a valid secp256k1 scalar", nameof(secretKey32));
            _serializeCompact(_context, output, &recoveryId, recoverable);
        }
        return recoveryId;
    }

    public bool TryRecover(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature64, int recoveryId, Span<byte> publicKey64)
    {
        if (recoveryId is < 0 or > 3 || digest32.Length != 32 || signature64.Length != 64 || publicKey64.Length < 64) return false;
        byte* recoverable = stackalloc byte[65];
        byte* pubkey = stackalloc byte[64];
        byte* serialized = stackalloc byte[65];
        fixed (byte* digest = digest32)
        fixed (byte* input = signature64)
        {
            if (_parseCompact(_context, recoverable, input, recoveryId) != 1) return false;
            if (_recover(_context, pubkey, recoverable, digest) != 1) return false;
        }
        nuint length = 65;
        _pubkeySerialize(_context, serialized, &length, pubkey, EcUncompressed);
        new ReadOnlySpan<byte>(serialized + 1, 64).CopyTo(publicKey64);
        return true;
    }

    public void DerivePublicKey(ReadOnlySpan<byte> secretKey32, Span<byte> publicKey64)
    {
        RequireLength(secretKey32, 32, nameof(secretKey32));
        byte* pubkey = stackalloc byte[64];
        byte* serialized = stackalloc byte[65];
        fixed (byte* secret = secretKey32)
        {
            if (_pubkeyCreate(_context, pubkey, secret) != 1)
                throw new ArgumentException("secret key is not a valid secp256k1 scalar", nameof(secretKey32));
        }
        nuint length = 65;
        _pubkeySerialize(_context, serialized, &length, pubkey, EcUncompressed);
        new ReadOnlySpan<byte>(serialized + 1, 64).CopyTo(publicKey64);
    }

    private static (NativeSecp256k1?, string?) Load()
    {
        IntPtr library = IntPtr.Zero;
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out library)) break;
        }
        if (library == IntPtr.Zero)
            return (null, $"libsecp256k1 not found (tried {string.Join(", ", LibraryNames)}); install libsecp256k1-1");
        try
        {
            return (new NativeSecp256k1(library), null);
        }
        catch (EntryPointNotFoundException ex)
        {
            return (null, $"libsecp256k1 lacks a required export (is the recovery module built in?): {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            return (null, ex.Message);
        }
    }

    private static IntPtr Export(IntPtr library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new EntryPointNotFoundException(name);

    private static void RequireLength(ReadOnlySpan<byte> span, int length, string name)
    {
        if (span.Length != length) throw new ArgumentException($"must be {length} bytes; got {span.Length}", name);
    }
}
