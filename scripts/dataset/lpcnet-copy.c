/* LPCNet copy-synthesis through Debian's libcodec2 (FreeDV 2020 model): 16 kHz s16le on stdin, each whole
   frame encoded and immediately decoded, s16le on stdout. A trailing partial frame is dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <codec2/lpcnet_freedv.h>

int main(void) {
  LPCNetFreeDV *lpcnet = lpcnet_freedv_create(LPCNET_DIRECT_SPLIT); /* vq_type 0 saturates (SOURCES.md 5) */
  int samples = lpcnet_samples_per_frame(lpcnet);
  int bits = lpcnet_bits_per_frame(lpcnet);
  short *pcm = malloc(sizeof(short) * samples);
  char *frame = malloc(bits);
  while (fread(pcm, sizeof(short), samples, stdin) == (size_t)samples) {
    lpcnet_enc(lpcnet, pcm, frame);
    lpcnet_dec(lpcnet, frame, pcm);
    fwrite(pcm, sizeof(short), samples, stdout);
  }
  lpcnet_freedv_destroy(lpcnet);
  free(pcm);
  free(frame);
  return 0;
}
