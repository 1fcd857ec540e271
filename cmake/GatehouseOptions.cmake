# SPDX-License-Identifier: Apache-2.0
# Compile settings shared by every target of ours (not by third-party code).
add_library(gatehouse_options INTERFACE)
target_compile_features(gatehouse_options INTERFACE cxx_std_20)
target_compile_definitions(gatehouse_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    GATEHOUSE_VERSION="${PROJECT_VERSION}")

if(MSVC)
    target_compile_options(gatehouse_options INTERFACE /W4 /permissive- /utf-8)
    if(GATEHOUSE_WARNINGS_AS_ERRORS)
        target_compile_options(gatehouse_options INTERFACE /WX)
    endif()
else()
    target_compile_options(gatehouse_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(GATEHOUSE_WARNINGS_AS_ERRORS)
        target_compile_options(gatehouse_options INTERFACE -Werror)
    endif()
endif()

# Sanitizers apply to the whole build so every object and the link agree.
if(GATEHOUSE_SANITIZE)
    if(MSVC)
        add_compile_options(/fsanitize=address)
    else()
        add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        add_link_options(-fsanitize=address,undefined)
    endif()
endif()
