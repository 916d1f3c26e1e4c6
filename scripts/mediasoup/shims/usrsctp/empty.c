/* Empty translation unit: mediasoup link_whole()s this placeholder; the real library comes from the system via pkg-config. */
typedef int peerbridge_shim_placeholder;
